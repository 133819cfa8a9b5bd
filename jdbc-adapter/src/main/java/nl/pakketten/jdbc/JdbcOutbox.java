package nl.pakketten.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PracticeId;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxState;
import nl.pakketten.spi.Outbox;
import org.jspecify.annotations.Nullable;

/**
 * The outbox over {@code pakketten_outbox}. New messages are held by the transaction's unit of work
 * and written with its other rows (on PostgreSQL in the same statement); a claim takes due rows
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so concurrent dispatchers never wait for each other
 * or take the same row. H2 has no {@code SKIP LOCKED}: there a claim locks the due rows and a
 * concurrent claim waits for it, then finds them leased and passes them over.
 */
final class JdbcOutbox implements Outbox {
  static final String INSERT_COLUMNS = "id, practice_id, kind, recipient, subject, message_id, state, attempts,"
      + " queued_at, next_attempt_at, content";
  private static final String COLUMNS = "seq, id, practice_id, kind, recipient, subject, message_id, state,"
      + " attempts, last_error, queued_at, next_attempt_at, sent_at";

  private final Db db;
  private final Dialect dialect;

  JdbcOutbox(Db db, Dialect dialect) {
    this.db = db;
    this.dialect = dialect;
  }

  @Override
  public void add(NewMessage m) {
    Object[] row = {Values.text("id", m.id(), 64), m.practice().value(), m.kind().name(),
        Values.text("recipient", m.recipient(), 320), Values.text("subject", clip(m.subject(), 1000), 1000),
        Values.text("messageId", m.messageId(), 400), OutboxState.QUEUED.name(), 0, Values.instant(m.queuedAt()),
        Values.instant(m.nextAttemptAt()), m.content()};
    db.call("queue outbox message " + m.id(), tx -> {
      tx.work.append(UnitOfWork.Table.OUTBOX, row);
      return null;
    });
  }

  @Override
  public List<Claimed> claim(Set<MessageKind> kinds, Instant now, int max, Instant leaseUntil) {
    if (kinds.isEmpty()) {
      return List.of();
    }
    String in = kinds.stream().map(k -> "'" + k.name() + "'").sorted().collect(Collectors.joining(", "));
    String due = "SELECT id FROM pakketten_outbox WHERE state = 'QUEUED' AND kind IN (" + in + ")"
        + " AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?";
    // The update is guarded by state and due time: on H2 a claim that waited for another's lock then
    // finds those rows leased and passes them over.
    String lease = "UPDATE pakketten_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id IN (%s)"
        + " AND state = 'QUEUED' AND next_attempt_at <= ?";
    List<Taken> claimed = db.call("claim outbox messages", tx -> {
      if (dialect == Dialect.POSTGRESQL) {
        return Db.list(tx, lease.formatted(due + " FOR UPDATE SKIP LOCKED") + " RETURNING " + COLUMNS + ", content",
            JdbcOutbox::claimed, Values.instant(leaseUntil), Values.instant(now), max, Values.instant(now));
      }
      List<String> ids = Db.list(tx, due + " FOR UPDATE", rs -> rs.getString(1), Values.instant(now), max);
      if (ids.isEmpty()) {
        return List.of();
      }
      List<Object> params = new ArrayList<>();
      params.add(Values.instant(leaseUntil));
      params.addAll(ids);
      params.add(Values.instant(now));
      return Db.list(tx, "SELECT " + COLUMNS + ", content FROM FINAL TABLE ("
              + lease.formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))) + ")",
          JdbcOutbox::claimed, params.toArray());
    });
    return claimed.stream().sorted(Comparator.comparingLong(Taken::seq)).map(Taken::claimed).toList();
  }

  /** A claimed row with its place in the outbox's order. */
  private record Taken(long seq, Claimed claimed) {}

  private static Taken claimed(ResultSet rs) throws SQLException {
    return new Taken(rs.getLong("seq"), new Claimed(message(rs), rs.getBytes("content")));
  }

  @Override
  public void markSent(String id, Instant at) {
    db.update("mark outbox message " + id + " sent", "UPDATE pakketten_outbox SET state = 'SENT', sent_at = ?,"
        + " last_error = NULL WHERE id = ? AND state = 'QUEUED'", Values.instant(at), id);
  }

  /**
   * On PostgreSQL one statement that also turns off the wait for the WAL flush at this
   * transaction's commit ({@code synchronous_commit}, local to the transaction): the events were
   * published already, and a removal lost in a crash only means the dispatcher publishes them again
   * (at least once), so the commit need not wait for the disk.
   */
  @Override
  public void remove(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    Object[] params = ids.toArray();
    String in = String.join(", ", Collections.nCopies(params.length, "?"));
    db.call("remove " + ids.size() + " delivered events from the outbox", tx -> {
      if (dialect == Dialect.POSTGRESQL) {
        Db.list(tx, "WITH removed AS (DELETE FROM pakketten_outbox WHERE id IN (" + in + ") RETURNING 1)"
            + " SELECT set_config('synchronous_commit', 'off', true), (SELECT COUNT(*) FROM removed)",
            rs -> rs.getString(1), params);
      } else {
        Db.update(tx, "DELETE FROM pakketten_outbox WHERE id IN (" + in + ")", params);
      }
      return null;
    });
  }

  @Override
  public void markFailed(String id, String error, @Nullable Instant nextAttemptAt) {
    String text = clip(error, 1000);
    if (nextAttemptAt == null) {
      db.update("mark outbox message " + id + " failed", "UPDATE pakketten_outbox SET state = 'FAILED',"
          + " last_error = ? WHERE id = ? AND state = 'QUEUED'", text, id);
    } else {
      db.update("record a failed attempt of outbox message " + id, "UPDATE pakketten_outbox SET last_error = ?,"
          + " next_attempt_at = ? WHERE id = ? AND state = 'QUEUED'", text, Values.instant(nextAttemptAt), id);
    }
  }

  @Override
  public void requeue(String id, Instant at) {
    db.update("queue outbox message " + id + " again", "UPDATE pakketten_outbox SET state = 'QUEUED', attempts = 0,"
        + " queued_at = ?, next_attempt_at = ?, sent_at = NULL WHERE id = ?", Values.instant(at),
        Values.instant(at), id);
  }

  @Override
  public Optional<OutboxMessage> find(PracticeId practice, String id) {
    return db.first("read outbox message " + id, "SELECT " + COLUMNS + " FROM pakketten_outbox WHERE id = ?"
        + " AND practice_id = ?", JdbcOutbox::message, id, practice.value());
  }

  @Override
  public Optional<OutboxMessage> lock(PracticeId practice, String id) {
    return db.first("lock outbox message " + id, "SELECT " + COLUMNS + " FROM pakketten_outbox WHERE id = ?"
        + " AND practice_id = ? FOR UPDATE", JdbcOutbox::message, id, practice.value());
  }

  @Override
  public Optional<OutboxMessage> findMail(PracticeId practice, String messageId) {
    return db.first("read the mail " + messageId, "SELECT " + COLUMNS + " FROM pakketten_outbox WHERE practice_id = ?"
        + " AND kind = 'MAIL' AND message_id = ?", JdbcOutbox::message, practice.value(), messageId);
  }

  @Override
  public Page<OutboxMessage> list(PracticeId practice, @Nullable OutboxState state, PageRequest request) {
    record Row(long seq, OutboxMessage message) {}
    String where = state == null ? "" : " AND state = '" + state.name() + "'";
    List<Row> rows = db.list("read the outbox of " + practice, "SELECT " + COLUMNS + " FROM pakketten_outbox"
            + " WHERE practice_id = ? AND seq > ?" + where + " ORDER BY seq LIMIT ?",
        rs -> new Row(rs.getLong("seq"), message(rs)), practice.value(), request.afterSequence(),
        request.size() + 1);
    return Page.of(rows, request, Row::message, r -> PageRequest.sequenceCursor(r.seq()));
  }

  @Override
  public long depth() {
    return db.first("count the queued outbox messages", "SELECT COUNT(*) FROM pakketten_outbox"
        + " WHERE state = 'QUEUED'", rs -> rs.getLong(1)).orElse(0L);
  }

  private static OutboxMessage message(ResultSet rs) throws SQLException {
    Optional<Instant> sentAt = rs.getObject("sent_at") == null ? Optional.empty()
        : Optional.of(Values.instant(rs, "sent_at"));
    return new OutboxMessage(rs.getString("id"), PracticeId.of(rs.getString("practice_id")),
        MessageKind.valueOf(rs.getString("kind")), rs.getString("recipient"), rs.getString("subject"),
        rs.getString("message_id"), OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"),
        Values.text(rs, "last_error"), Values.instant(rs, "queued_at"), Values.instant(rs, "next_attempt_at"),
        sentAt);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
