package nl.pakketten.internal.usecase;

import java.util.Optional;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxState;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.Transactions;
import org.jspecify.annotations.Nullable;

/**
 * Reads of the outbox.
 *
 * @param outbox the outbox
 * @param tx runs each read of a practice in a read transaction
 * @param transactions runs the read across practices
 */
public record OutboxReads(Outbox outbox, TransactionRunner tx, Transactions transactions) {
  /** One message of the practice. */
  public Optional<OutboxMessage> find(PracticeId practice, String id) {
    return tx.read("findOutboxMessage", practice, () -> outbox.find(practice, id));
  }

  /** The practice's messages, oldest first. */
  public Page<OutboxMessage> list(PracticeId practice, @Nullable OutboxState state, PageRequest request) {
    return tx.read("outboxMessages", practice, () -> outbox.list(practice, state, request));
  }

  /** The queued messages of every practice. */
  public long depth() {
    return transactions.inTransaction(outbox::depth);
  }
}
