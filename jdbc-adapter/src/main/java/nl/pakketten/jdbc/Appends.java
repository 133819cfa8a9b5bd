package nl.pakketten.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a transaction appended to the insert-only tables (movements, journal entries and lines,
 * appointments and their allocations), held back and written together: just before the transaction
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
        + " revenue, currency, at, actor, reason, source_key", 13),
    JOURNAL_ENTRIES("pakketten_journal_entries", "practice_id, entry_id, at, patient_id, package_id, lot_ref,"
        + " source_key, description", 8),
    JOURNAL_LINES("pakketten_journal_lines", "practice_id, entry_id, line_no, account, role, side, amount,"
        + " currency", 8),
    APPOINTMENTS("pakketten_appointments", JdbcAppointments.COLUMNS, 13),
    ALLOCATIONS("pakketten_allocations", "practice_id, appointment_id, position, lot_id, credits, revenue,"
        + " currency", 7);

    final String name;
    final String columns;
    final int width;
    /** The insert of one row. */
    final String insert;

    Table(String name, String columns, int width) {
      this.name = name;
      this.columns = columns;
      this.width = width;
      this.insert = "INSERT INTO " + name + " (" + columns + ") VALUES " + placeholders(width);
    }
  }

  private final Dialect dialect;
  private final Map<Table, List<Object[]>> rows = new EnumMap<>(Table.class);

  Appends(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Holds back one row of {@code table}; its values are checked by the caller. */
  void add(Table table, Object[] row) {
    if (row.length != table.width) {
      throw new IllegalArgumentException(table.name + " takes " + table.width + " values, not " + row.length);
    }
    rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * Writes every held-back row and forgets them. A failure fails the transaction: the caller rolls
   * it (or its savepoint) back, so no part of a failed flush stays.
   */
  void flush(Db.Tx tx) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Map<Table, List<Object[]>> taken = new EnumMap<>(rows);
    rows.clear();
    if (dialect == Dialect.H2) {
      for (Map.Entry<Table, List<Object[]>> e : taken.entrySet()) {
        Db.batchKeepingAppends(tx, e.getKey().insert, e.getValue());
      }
      return;
    }
    List<Segment> statement = new ArrayList<>();
    int parameters = 0;
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
        statement.add(new Segment(table, tableRows.subList(from, to)));
        parameters += (to - from) * table.width;
        from = to;
      }
    }
    write(tx, statement);
  }

  private record Segment(Table table, List<Object[]> rows) {}

  /** One statement: a multi-row insert, the ones before the last in data-modifying WITH clauses. */
  private static void write(Db.Tx tx, List<Segment> segments) throws SQLException {
    if (segments.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder();
    List<Object> parameters = new ArrayList<>();
    int last = segments.size() - 1;
    for (int i = 0; i <= last; i++) {
      Segment s = segments.get(i);
      StringBuilder insert = new StringBuilder("INSERT INTO ").append(s.table().name).append(" (")
          .append(s.table().columns).append(") VALUES ");
      String row = placeholders(s.table().width);
      for (int r = 0; r < s.rows().size(); r++) {
        insert.append(r == 0 ? "" : ", ").append(row);
        parameters.addAll(List.of(s.rows().get(r)));
      }
      if (i < last) {
        sql.append(i == 0 ? "WITH " : ", ").append('a').append(i).append(" AS (").append(insert).append(')');
      } else {
        sql.append(i == 0 ? "" : " ").append(insert);
      }
    }
    Db.updateKeepingAppends(tx, sql.toString(), parameters.toArray());
  }

  private static String placeholders(int width) {
    return "(" + "?, ".repeat(width - 1) + "?)";
  }
}
