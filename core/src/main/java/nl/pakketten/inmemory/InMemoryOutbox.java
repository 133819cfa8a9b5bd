package nl.pakketten.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PracticeId;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxState;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.TransientException;
import org.jspecify.annotations.Nullable;

/** The outbox in memory: its rows in insertion order, their content kept as given. */
final class InMemoryOutbox implements Outbox {
  private static final Comparator<Row> DUE = Comparator.comparing((Row r) -> r.message().nextAttemptAt())
      .thenComparingLong(Row::seq);

  private final Table<String, Row> rows;
  private final AtomicLong seq = new AtomicLong();

  InMemoryOutbox(Store store) {
    rows = new Table<>(store);
  }

  private record Row(long seq, OutboxMessage message, byte[] content) {
    Row with(OutboxMessage changed) {
      return new Row(seq, changed, content);
    }
  }

  @Override
  public void add(NewMessage m) {
    if (rows.contains(m.id()) || (m.kind() == MessageKind.MAIL && findMail(m.practice(), m.messageId()).isPresent())) {
      throw new TransientException("outbox message " + m.id() + " or mail " + m.messageId() + " exists", null);
    }
    rows.put(m.id(), new Row(seq.incrementAndGet(), new OutboxMessage(m.id(), m.practice(), m.kind(), m.recipient(),
        m.subject(), m.messageId(), OutboxState.QUEUED, 0, Optional.empty(), m.queuedAt(), m.nextAttemptAt(),
        Optional.empty()), m.content().clone()));
  }

  @Override
  public List<Claimed> claim(Set<MessageKind> kinds, Instant now, int max, Instant leaseUntil) {
    List<Row> due = rows.where(r -> r.message().state() == OutboxState.QUEUED && kinds.contains(r.message().kind())
        && !r.message().nextAttemptAt().isAfter(now));
    due.sort(DUE);
    List<Claimed> claimed = new ArrayList<>();
    for (Row row : due.subList(0, Math.min(max, due.size()))) {
      OutboxMessage m = row.message();
      OutboxMessage taken = changed(m, m.state(), m.attempts() + 1, m.lastError(), m.queuedAt(), leaseUntil,
          m.sentAt());
      rows.put(m.id(), row.with(taken));
      claimed.add(new Claimed(taken, row.content().clone()));
    }
    return claimed;
  }

  @Override
  public void markSent(String id, Instant at) {
    rows.get(id).filter(r -> r.message().state() == OutboxState.QUEUED).ifPresent(r -> {
      OutboxMessage m = r.message();
      rows.put(id, r.with(changed(m, OutboxState.SENT, m.attempts(), m.lastError(), m.queuedAt(), m.nextAttemptAt(),
          Optional.of(at))));
    });
  }

  @Override
  public void remove(Collection<String> ids) {
    ids.forEach(rows::remove);
  }

  @Override
  public void markFailed(String id, String error, @Nullable Instant nextAttemptAt) {
    rows.get(id).filter(r -> r.message().state() == OutboxState.QUEUED).ifPresent(r -> {
      OutboxMessage m = r.message();
      rows.put(id, r.with(changed(m, nextAttemptAt == null ? OutboxState.FAILED : OutboxState.QUEUED, m.attempts(),
          Optional.of(error), m.queuedAt(), nextAttemptAt == null ? m.nextAttemptAt() : nextAttemptAt,
          m.sentAt())));
    });
  }

  @Override
  public void requeue(String id, Instant at) {
    rows.get(id).ifPresent(r -> {
      rows.put(id, r.with(changed(r.message(), OutboxState.QUEUED, 0, r.message().lastError(), at, at,
          Optional.empty())));
    });
  }

  @Override
  public Optional<OutboxMessage> find(PracticeId practice, String id) {
    return rows.get(id).map(Row::message).filter(m -> m.practice().equals(practice));
  }

  @Override
  public Optional<OutboxMessage> lock(PracticeId practice, String id) {
    return find(practice, id); // the store's single lock holds every row for the whole transaction
  }

  @Override
  public Optional<OutboxMessage> findMail(PracticeId practice, String messageId) {
    return rows.where(r -> r.message().kind() == MessageKind.MAIL && r.message().practice().equals(practice)
        && r.message().messageId().equals(messageId)).stream().map(Row::message).findFirst();
  }

  @Override
  public Page<OutboxMessage> list(PracticeId practice, @Nullable OutboxState state, PageRequest request) {
    long after = request.afterSequence();
    List<Row> page = rows.where(r -> r.seq() > after && r.message().practice().equals(practice)
        && (state == null || r.message().state() == state));
    page.sort(Comparator.comparingLong(Row::seq));
    return Page.of(page.subList(0, Math.min(request.size() + 1, page.size())), request, Row::message,
        r -> PageRequest.sequenceCursor(r.seq()));
  }

  /** {@code m} with its delivery state changed; what it is and to whom stay. */
  private static OutboxMessage changed(OutboxMessage m, OutboxState state, int attempts, Optional<String> lastError,
      Instant queuedAt, Instant nextAttemptAt, Optional<Instant> sentAt) {
    return new OutboxMessage(m.id(), m.practice(), m.kind(), m.recipient(), m.subject(), m.messageId(), state,
        attempts, lastError, queuedAt, nextAttemptAt, sentAt);
  }

  @Override
  public long depth() {
    return rows.where(r -> r.message().state() == OutboxState.QUEUED).size();
  }
}
