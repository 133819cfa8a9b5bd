package nl.pakketten.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.JournalTotal;
import nl.pakketten.revenue.Side;
import nl.pakketten.spi.Journal;

/**
 * The append-only journal: each entry and its lines are inserted once, never updated, so no row is
 * written by every transaction of a practice (totals are computed from the entries when read). An
 * entry is held back and written with the transaction's other appends (see {@link UnitOfWork}).
 */
final class JdbcJournal implements Journal {
  private final Db db;

  JdbcJournal(Db db) {
    this.db = db;
  }

  @Override
  public void append(JournalEntry e) {
    db.call("append journal entry " + e.id(), tx -> {
      String practice = e.practice().value();
      String id = Values.text("entryId", e.id(), Values.ID);
      Object at = Values.instant(e.at());
      Object packageId = e.packageId() == null ? Values.Null.VARCHAR : e.packageId().value();
      Object[] head = {practice, id, at,
          e.patient() == null ? Values.Null.VARCHAR : e.patient().value(),
          packageId,
          Values.nullableText("lot", e.lot() == null ? null : e.lot().value(), Values.ID),
          Values.nullableText("sourceKey", e.sourceKey(), 200),
          Values.nullableText("description", e.description(), 500), e.kind().name()};
      // Each line repeats the entry's time, package and kind: the reports group the lines alone.
      List<Object[]> lines = new ArrayList<>();
      for (int i = 0; i < e.lines().size(); i++) {
        JournalLine l = e.lines().get(i);
        lines.add(new Object[] {practice, id, i, Values.text("account", l.account(), Values.ID), l.role().name(),
            l.side().name(), Values.amount("amount", l.amount()), l.amount().getCurrencyUnit().getCode(), at,
            packageId, e.kind().name()});
      }
      tx.work.append(UnitOfWork.Table.JOURNAL_ENTRIES, head);
      lines.forEach(line -> tx.work.append(UnitOfWork.Table.JOURNAL_LINES, line));
      return null;
    });
  }

  private record Head(String id, Instant at, long seq, EntryKind kind, String patient, String packageId, String lotRef,
      String sourceKey, String description) {}

  /**
   * Keyset paging on (at, seq) through the index on (practice, at, seq): the page's entries are
   * chosen first (LIMIT on entries, not on lines), then joined to their lines. After a cursor the
   * scan starts at the cursor's instant, so a page costs the same wherever it is in the journal.
   */
  @Override
  public Page<JournalEntry> entries(PracticeId practice, Instant from, Instant to, PageRequest request) {
    Optional<PageRequest.TimeKey> after = request.afterTimeKey();
    Instant lower = after.map(a -> a.at().isAfter(from) ? a.at() : from).orElse(from);
    if (!lower.isBefore(to)) {
      return new Page<>(List.of(), Optional.empty());
    }
    Instant afterAt = after.map(PageRequest.TimeKey::at).orElse(Instant.EPOCH);
    long afterSeq = after.map(PageRequest.TimeKey::seq).orElse(0L);
    return db.call("read the journal", tx -> {
      Map<Head, List<JournalLine>> entries = new LinkedHashMap<>();
      Db.list(tx, "SELECT e.entry_id, e.at, e.seq, e.kind, e.patient_id, e.package_id, e.lot_ref, e.source_key,"
              + " e.description, l.account, l.role, l.side, l.amount, l.currency"
              + " FROM (SELECT practice_id, entry_id, at, seq, kind, patient_id, package_id, lot_ref, source_key,"
              + " description"
              + " FROM pakketten_journal_entries WHERE practice_id = ? AND at >= ? AND at < ?"
              + " AND (at > ? OR seq > ?) ORDER BY at, seq LIMIT ?) e"
              + " JOIN pakketten_journal_lines l ON l.practice_id = e.practice_id AND l.entry_id = e.entry_id"
              + " ORDER BY e.at, e.seq, l.line_no",
          rs -> {
            entries.computeIfAbsent(head(rs), h -> new ArrayList<>()).add(line(rs));
            return null;
          },
          practice.value(), Values.bound(lower), Values.bound(to), Values.bound(afterAt), afterSeq,
          request.size() + 1);
      List<Map.Entry<Head, JournalEntry>> rows = new ArrayList<>(entries.size());
      entries.forEach((h, lines) -> rows.add(Map.entry(h, new JournalEntry(h.id(), practice, h.at(), h.kind(),
          h.patient() == null ? null : PatientId.of(h.patient()),
          h.packageId() == null ? null : PackageId.of(h.packageId()),
          h.lotRef() == null ? null : LotId.of(h.lotRef()), h.sourceKey(), h.description(),
          lines))));
      return Page.of(rows, request, Map.Entry::getValue,
          r -> new PageRequest.TimeKey(r.getKey().at(), r.getKey().seq()).cursor());
    });
  }

  /** Rows the driver fetches per round trip while streaming: a few hundred entries' lines. */
  static final int FETCH_SIZE = 1_000;

  /**
   * One ordered query over entries joined to their lines, read through a cursor ({@link
   * Db#stream}): the lines of one entry arrive together, in order, so an entry is complete when the
   * next entry's first row (or the end) arrives and is handed on then. Holds one entry at a time,
   * whatever the period's size. The scan walks the index on (practice, at, seq).
   */
  @Override
  public void forEach(PracticeId practice, Instant from, Instant to, Consumer<JournalEntry> sink) {
    if (!from.isBefore(to)) {
      return;
    }
    db.call("stream the journal", tx -> {
      Head[] head = {null};
      List<JournalLine> lines = new ArrayList<>();
      Db.stream(tx, "SELECT e.entry_id, e.at, e.seq, e.kind, e.patient_id, e.package_id, e.lot_ref, e.source_key,"
              + " e.description, l.account, l.role, l.side, l.amount, l.currency"
              + " FROM pakketten_journal_entries e"
              + " JOIN pakketten_journal_lines l ON l.practice_id = e.practice_id AND l.entry_id = e.entry_id"
              + " WHERE e.practice_id = ? AND e.at >= ? AND e.at < ?"
              + " ORDER BY e.at, e.seq, l.line_no",
          FETCH_SIZE,
          rs -> {
            long seq = rs.getLong("seq");
            if (head[0] != null && head[0].seq() != seq) {
              sink.accept(entry(practice, head[0], lines));
              lines.clear();
              head[0] = null;
            }
            if (head[0] == null) {
              head[0] = head(rs);
            }
            lines.add(line(rs));
          },
          practice.value(), Values.bound(from), Values.bound(to));
      if (head[0] != null) {
        sink.accept(entry(practice, head[0], lines));
      }
      return null;
    });
  }

  /**
   * One {@code SUM ... GROUP BY} over the lines table alone (the entry's time, package and kind are
   * on each line), through the index on (practice, role, at): the journal never leaves the
   * database, only its sums.
   */
  @Override
  public List<JournalTotal> totals(PracticeId practice, Instant from, Instant to, Set<AccountRole> roles) {
    if (!from.isBefore(to) || roles.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(practice.value());
    roles.forEach(r -> params.add(r.name()));
    params.add(Values.bound(from));
    params.add(Values.bound(to));
    return db.call("sum the journal", tx -> Db.list(tx,
        "SELECT role, account, package_id, kind, side, currency, SUM(amount) AS amount"
            + " FROM pakketten_journal_lines WHERE practice_id = ? AND role IN ("
            + String.join(", ", java.util.Collections.nCopies(roles.size(), "?")) + ") AND at >= ? AND at < ?"
            + " GROUP BY role, account, package_id, kind, side, currency",
        rs -> {
          String packageId = rs.getString("package_id");
          return new JournalTotal(AccountRole.valueOf(rs.getString("role")), rs.getString("account"),
              packageId == null ? null : PackageId.of(packageId), EntryKind.valueOf(rs.getString("kind")),
              Side.valueOf(rs.getString("side")), Values.money(rs, "amount", "currency"));
        },
        params.toArray()));
  }

  private static JournalEntry entry(PracticeId practice, Head h, List<JournalLine> lines) {
    return new JournalEntry(h.id(), practice, h.at(), h.kind(), h.patient() == null ? null : PatientId.of(h.patient()),
        h.packageId() == null ? null : PackageId.of(h.packageId()), h.lotRef() == null ? null : LotId.of(h.lotRef()),
        h.sourceKey(), h.description(), lines);
  }

  private static Head head(ResultSet rs) throws SQLException {
    return new Head(rs.getString("entry_id"), Values.instant(rs, "at"), rs.getLong("seq"),
        EntryKind.valueOf(rs.getString("kind")), rs.getString("patient_id"),
        rs.getString("package_id"), rs.getString("lot_ref"), rs.getString("source_key"), rs.getString("description"));
  }

  private static JournalLine line(ResultSet rs) throws SQLException {
    return new JournalLine(rs.getString("account"), AccountRole.valueOf(rs.getString("role")),
        Side.valueOf(rs.getString("side")), Values.money(rs, "amount", "currency"));
  }
}
