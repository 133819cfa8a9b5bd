package nl.pakketten.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a transaction appended to the insert-only tables (movements, journal entries and lines,
 * appointments and their allocations), and the guarded updates of the wallet it saved last, held
 * back and written together: just before the transaction
 * commits (or its savepoint is released), or earlier when the transaction runs any statement that
 * could see or depend on them. On PostgreSQL one flush is one statement, a multi-row insert per
 * table joined by data-modifying WITH clauses; on H2 it is one insert (or batch) per table.
 *
 * <p>Written in the order of {@link Table}, parents before children, and each table's rows in the
 * order they were appended (its {@code seq} keeps the order of appending). Every value is a bound
 * parameter: the SQL text depends only on which tables have rows and how many.
 */
final class Appends {
  /**
   * At most this many parameters in one statement: PostgreSQL's protocol allows 65,535; a flush with
   * more rows than that is split into several statements, parents still before their children.
   */
  static final int MAX_PARAMETERS = 30_000;

  /** The insert-only tables, in the order their rows are written: a table's parents come before it. */
  enum Table {
    MOVEMENTS("pakketten_movements", "practice_id, movement_id, patient_id, package_id, lot_id, kind, credits,"
        + " revenue, currency, at, actor, reason, source_key"),
    JOURNAL_ENTRIES("pakketten_journal_entries", "practice_id, entry_id, at, patient_id, package_id, lot_ref,"
        + " source_key, description"),
    JOURNAL_LINES("pakketten_journal_lines", "practice_id, entry_id, line_no, account, role, side, amount,"
        + " currency"),
    APPOINTMENTS("pakketten_appointments", JdbcAppointments.COLUMNS),
    ALLOCATIONS("pakketten_allocations", JdbcAppointments.ALLOCATION_COLUMNS),
    SCHEDULED_ALLOCATIONS("pakketten_scheduled_allocations", JdbcAppointments.ALLOCATION_COLUMNS);

    final String name;
    final String columns;
    final int width;
    /** The insert of one row. */
    final String insert;

    Table(String name, String columns) {
      this.name = name;
      this.columns = columns;
      this.width = columns.split(",").length;
      this.insert = "INSERT INTO " + name + " (" + columns + ") VALUES " + placeholders(width);
    }
  }

  private final Dialect dialect;
  private final Map<Table, List<Object[]>> rows = new EnumMap<>(Table.class);
  private final List<Guarded> updates = new ArrayList<>();

  Appends(Dialect dialect) {
    this.dialect = dialect;
  }

  /** A held update that must change exactly one row; otherwise the transaction fails with {@code failure}. */
  private record Guarded(String sql, Object[] params, String failure) {}

  /** Holds back one row of {@code table}; its values are checked by the caller. */
  void add(Table table, Object[] row) {
    if (row.length != table.width) {
      throw new IllegalArgumentException(table.name + " takes " + table.width + " values, not " + row.length);
    }
    rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
  }

  /**
   * Holds back an {@code UPDATE} of one row that must change exactly that row, written with the
   * appends (before them); when it changes none, the flush fails with an {@link
   * IllegalStateException} saying {@code failure}. Only for the guarded writes of a locked wallet.
   */
  void update(String sql, Object[] params, String failure) {
    updates.add(new Guarded(sql, params, failure));
  }

  boolean holdsUpdates() {
    return !updates.isEmpty();
  }

  boolean isEmpty() {
    return rows.isEmpty() && updates.isEmpty();
  }

  /**
   * Writes every held-back update and row and forgets them. A failure fails the transaction: the
   * caller rolls it (or its savepoint) back, so no part of a failed flush stays.
   */
  void flush(Db.Tx tx) throws SQLException {
    if (isEmpty()) {
      return;
    }
    Map<Table, List<Object[]>> taken = new EnumMap<>(rows);
    List<Guarded> guarded = List.copyOf(updates);
    rows.clear();
    updates.clear();
    if (dialect == Dialect.H2) {
      for (Guarded u : guarded) {
        if (Db.updateKeepingAppends(tx, u.sql(), u.params()) != 1) {
          throw new IllegalStateException(u.failure());
        }
      }
      for (Map.Entry<Table, List<Object[]>> e : taken.entrySet()) {
        Db.batchKeepingAppends(tx, e.getKey().insert, e.getValue());
      }
      return;
    }
    List<Segment> statement = new ArrayList<>();
    int parameters = 0;
    for (Guarded u : guarded) {
      if (parameters + u.params().length > MAX_PARAMETERS && !statement.isEmpty()) {
        write(tx, statement);
        statement.clear();
        parameters = 0;
      }
      statement.add(new Update(u));
      parameters += u.params().length;
    }
    for (Map.Entry<Table, List<Object[]>> e : taken.entrySet()) {
      Table table = e.getKey();
      List<Object[]> tableRows = e.getValue();
      int from = 0;
      while (from < tableRows.size()) {
        int fit = Math.max(0, (MAX_PARAMETERS - parameters) / table.width);
        if (fit == 0) {
          write(tx, statement);
          statement.clear();
          parameters = 0;
          continue;
        }
        int to = Math.min(tableRows.size(), from + fit);
        statement.add(new Insert(table, tableRows.subList(from, to)));
        parameters += (to - from) * table.width;
        from = to;
      }
    }
    write(tx, statement);
  }

  /** A part of a flush statement. */
  private sealed interface Segment permits Insert, Update {}

  private record Insert(Table table, List<Object[]> rows) implements Segment {}

  private record Update(Guarded update) implements Segment {}

  /**
   * One statement. Only inserts: a multi-row insert per table, the ones before the last in
   * data-modifying WITH clauses. With updates: every part in a WITH clause, each update returning
   * the rows it changed, and the statement selecting how many each changed, to be checked here.
   */
  private static void write(Db.Tx tx, List<Segment> segments) throws SQLException {
    if (segments.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    List<String> counted = new ArrayList<>();
    List<Guarded> checked = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (Segment segment : segments) {
      if (segment instanceof Update u) {
        parts.add(u.update().sql() + " RETURNING 1");
        parameters.addAll(List.of(u.update().params()));
        counted.add("w" + (parts.size() - 1));
        checked.add(u.update());
      } else {
        Insert s = (Insert) segment;
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(s.table().name).append(" (")
            .append(s.table().columns).append(") VALUES ");
        String row = placeholders(s.table().width);
        for (int r = 0; r < s.rows().size(); r++) {
          insert.append(r == 0 ? "" : ", ").append(row);
          parameters.addAll(List.of(s.rows().get(r)));
        }
        parts.add(insert.toString());
      }
    }
    int withs = counted.isEmpty() ? parts.size() - 1 : parts.size();
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < withs; i++) {
      sql.append(i == 0 ? "WITH " : ", ").append('w').append(i).append(" AS (").append(parts.get(i)).append(')');
    }
    if (counted.isEmpty()) {
      sql.append(withs == 0 ? "" : " ").append(parts.get(withs));
      Db.updateKeepingAppends(tx, sql.toString(), parameters.toArray());
      return;
    }
    sql.append(" SELECT ");
    for (int i = 0; i < counted.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ").append(counted.get(i)).append(')');
    }
    List<long[]> counts = Db.listKeepingAppends(tx, sql.toString(), rs -> {
      long[] changed = new long[checked.size()];
      for (int i = 0; i < changed.length; i++) {
        changed[i] = rs.getLong(i + 1);
      }
      return changed;
    }, parameters.toArray());
    for (int i = 0; i < checked.size(); i++) {
      if (counts.get(0)[i] != 1) {
        throw new IllegalStateException(checked.get(i).failure());
      }
    }
  }

  private static String placeholders(int width) {
    return "(" + "?, ".repeat(width - 1) + "?)";
  }
}
