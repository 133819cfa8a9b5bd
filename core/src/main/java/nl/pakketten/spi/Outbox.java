package nl.pakketten.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PracticeId;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxState;
import org.jspecify.annotations.Nullable;

/**
 * Port: the transactional outbox, one table of messages (mails and events) with their content and
 * delivery state. Messages are {@linkplain #add added} in the transaction of the change that caused
 * them; dispatchers {@linkplain #claim claim} due ones and record each attempt's outcome, each step
 * in a transaction of its own.
 *
 * <p>An adapter keeps a message's content as the bytes it was given and returns them unchanged.
 */
public interface Outbox {
  /**
   * Stores a new message, queued, with no attempts. Takes part in the caller's transaction.
   *
   * @param message the message and its content
   * @throws nl.pakketten.common.ConflictException when a mail with the same {@code messageId} exists
   *     in the practice (adapters may instead let the caller find it first; the use cases do)
   */
  void add(NewMessage message);

  /**
   * Claims up to {@code max} queued messages of the given kinds that are due at {@code now}, oldest
   * first: each one's attempts go up by one and its next attempt moves to {@code leaseUntil}, so no
   * other dispatcher takes it meanwhile. Messages locked by a concurrent claim are skipped, not
   * waited for, where the database allows it ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL; H2
   * waits for the other claim, then passes its messages over), so two claims never take the same
   * message. Runs in the caller's transaction.
   *
   * @param kinds the kinds the dispatcher can deliver
   * @param now the time: due means {@code nextAttemptAt <= now}
   * @param max at most this many
   * @param leaseUntil the next attempt of every claimed message
   * @return the claimed messages, as claimed (attempts already counted), with their content
   */
  List<Claimed> claim(Set<MessageKind> kinds, Instant now, int max, Instant leaseUntil);

  /**
   * Records a mail as sent. A message no longer queued (resent or removed meanwhile) is left alone.
   *
   * @param id the message
   * @param at when it was sent
   */
  void markSent(String id, Instant at);

  /**
   * Removes delivered events. Ids that are gone are ignored.
   *
   * @param ids the events' outbox ids
   */
  void remove(Collection<String> ids);

  /**
   * Records a failed attempt: the message stays queued until {@code nextAttemptAt}, or is failed
   * when {@code nextAttemptAt} is null.
   *
   * @param id the message
   * @param error why the attempt failed (at most 1000 characters)
   * @param nextAttemptAt when to try again; null to give up
   */
  void markFailed(String id, String error, @Nullable Instant nextAttemptAt);

  /**
   * Queues a message again: queued, no attempts, due at {@code at}, last error kept.
   *
   * @param id the message
   * @param at now
   */
  void requeue(String id, Instant at);

  /**
   * One message, without its content.
   *
   * @param practice the practice
   * @param id the message
   * @return the message, empty when the practice has none with that id
   */
  Optional<OutboxMessage> find(PracticeId practice, String id);

  /**
   * One message, locked for update until the transaction ends.
   *
   * @param practice the practice
   * @param id the message
   * @return the message, empty when the practice has none with that id
   */
  Optional<OutboxMessage> lock(PracticeId practice, String id);

  /**
   * The mail of a practice with a given {@code Message-ID}.
   *
   * @param practice the practice
   * @param messageId the mail's stable message id
   * @return the mail, empty when none was queued
   */
  Optional<OutboxMessage> findMail(PracticeId practice, String messageId);

  /**
   * A practice's messages, oldest first, optionally of one state, keyset-paged.
   *
   * @param practice the practice
   * @param state the state, or null for all
   * @param request the page
   * @return one page
   */
  Page<OutboxMessage> list(PracticeId practice, @Nullable OutboxState state, PageRequest request);

  /**
   * How many messages are queued, of every practice: the depth a gauge shows.
   *
   * @return the number of queued messages
   */
  long depth();

  /**
   * A message to store.
   *
   * @param id the SDK's id for it
   * @param practice the practice
   * @param kind a mail or an event
   * @param recipient a mail's address; an event's type
   * @param subject a mail's subject; an event's type
   * @param messageId a mail's stable message id; an event's id
   * @param content what to deliver, encoded by the SDK
   * @param queuedAt now
   * @param nextAttemptAt when a dispatcher may first take it
   */
  record NewMessage(String id, PracticeId practice, MessageKind kind, String recipient, String subject,
      String messageId, byte[] content, Instant queuedAt, Instant nextAttemptAt) {}

  /**
   * A claimed message and its content.
   *
   * @param message the message as claimed
   * @param content what to deliver
   */
  record Claimed(OutboxMessage message, byte[] content) {}
}
