package nl.pakketten.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The unit of work of one transaction: the writes it holds back, and the one way its statements
 * reach its connection. Owned by {@link Db.Tx}; nothing else in the adapter prepares a statement
 * inside a transaction ({@code JdbcArchitectureTest} checks that).
 *
 * <h2>Contract</h2>
 *
 * <p><b>What is held.</b> (1) Rows {@linkplain #append appended} to the insert-only tables of
 * {@link Table} (movements, journal entries and lines, appointments and their allocations); (2)
 * the {@linkplain #holdUpdate guarded updates} of the wallet saved last: each must change exactly
 * one row, or the flush fails; (3) {@linkplain #beforeCommit hooks} to run just before the commit.
 *
 * <p><b>When it is flushed.</b> Held rows and updates are written, in one statement on PostgreSQL
 * when they fit (see {@link #flush}), before every {@linkplain #statement statement} of the
 * transaction, so the transaction always reads its own writes; before another save holds its
 * updates ({@link #startGuardedUpdates}); and when the transaction ends ({@link #complete}: a flush,
 * the hooks, and a flush of whatever the hooks held) — before the commit, or before a joined
 * transaction's savepoint is released. After {@link #complete} nothing is held and nothing more
 * can be.
 *
 * <p><b>What a statement path must do first.</b> Nothing: {@link #statement} is the only way to a
 * prepared statement on the connection, and it flushes first. The one named exception is
 * {@link #statementKeepingHeld}, for a write to a table no held row refers to or is referred to by
 * (the wallets' lots, inserted by a save), never for a read.
 *
 * <p><b>On failure.</b> A flush takes what is held before it writes, so a failed flush is never
 * written twice; its statement is part of the transaction, which the failure fails: {@link Db}
 * rolls the transaction (or its savepoint) back, so no part of a failed flush persists. The unit
 * of work is then broken: every later call refuses with an {@link IllegalStateException} rather
 * than write the rest of a command whose held rows were lost.
 *
 * <p>Rows are written in the order of {@link Table}, parents before children, and each table's rows
 * in the order they were appended (its {@code seq} keeps the order of appending); guarded updates
 * before the rows, in the order they were held. Every value is a bound parameter: the SQL text
 * depends only on which tables have rows and how many. On PostgreSQL one flush is one statement,
 * a multi-row insert per table joined by data-modifying WITH clauses; on H2 it is one update per
 * guarded update and one insert (or batch) per table.
 */
final class UnitOfWork {
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
        + " source_key, description, kind"),
    JOURNAL_LINES("pakketten_journal_lines", "practice_id, entry_id, line_no, account, role, side, amount,"
        + " currency, at, package_id, kind"),
    APPOINTMENTS("pakketten_appointments", JdbcAppointments.COLUMNS),
    ALLOCATIONS("pakketten_allocations", JdbcAppointments.ALLOCATION_COLUMNS),
    SCHEDULED_ALLOCATIONS("pakketten_scheduled_allocations", JdbcAppointments.ALLOCATION_COLUMNS),
    /** New outbox messages; later changed by the dispatcher's own transactions, never by this one. */
    OUTBOX("pakketten_outbox", JdbcOutbox.INSERT_COLUMNS);

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

  /** What a statement does with its prepared statement. */
  @FunctionalInterface
  interface Statement<T> {
    T run(PreparedStatement ps) throws SQLException;
  }

  /** Work to do just before the transaction commits; its statements go through {@link #statement}. */
  @FunctionalInterface
  interface Hook {
    void run() throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  private final Map<Table, List<Object[]>> rows = new EnumMap<>(Table.class);
  private final List<Guarded> updates = new ArrayList<>();
  private final List<Hook> beforeCommit = new ArrayList<>();
  /** Why no more work is taken: the transaction completed, or a flush failed. */
  private String closed;

  UnitOfWork(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /** A held update that must change exactly one row; otherwise the transaction fails with {@code failure}. */
  private record Guarded(String sql, Object[] params, String failure) {}

  /** Holds back one row of {@code table}; its values are checked by the caller. */
  void append(Table table, Object[] row) {
    requireOpen();
    if (row.length != table.width) {
      throw new IllegalArgumentException(table.name + " takes " + table.width + " values, not " + row.length);
    }
    rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
  }

  /**
   * Holds back an {@code UPDATE} of one row that must change exactly that row, written with the
   * appends (before them); when it changes none, the flush fails with an {@link
   * IllegalStateException} saying {@code failure}. Only for the guarded writes of a locked wallet,
   * after {@link #startGuardedUpdates}.
   */
  void holdUpdate(String sql, Object[] params, String failure) {
    requireOpen();
    updates.add(new Guarded(sql, params, failure));
  }

  /**
   * Begins the guarded updates of another save: flushes when updates of an earlier one are held.
   * Two held updates of one row cannot share a statement (each would read the row as it was before
   * the statement), and the new save's guards compare with the values the earlier one wrote.
   */
  void startGuardedUpdates() throws SQLException {
    requireOpen();
    if (!updates.isEmpty()) {
      flush();
    }
  }

  /** Runs {@code hook} when the transaction {@linkplain #complete completes}, after the flush. */
  void beforeCommit(Hook hook) {
    requireOpen();
    beforeCommit.add(hook);
  }

  /** Whether nothing is held: no row and no update (hooks aside). */
  boolean isEmpty() {
    return rows.isEmpty() && updates.isEmpty();
  }

  /** Runs a statement of the transaction, after writing what is held: the only way to the connection. */
  <T> T statement(String sql, Statement<T> statement) throws SQLException {
    flush();
    return prepared(sql, statement);
  }

  /**
   * The named exception to {@link #statement}: runs a write and leaves what is held held. Only for
   * a table no held row refers to or is referred to by (the wallets' lots), and never a read.
   */
  <T> T statementKeepingHeld(String sql, Statement<T> statement) throws SQLException {
    requireOpen();
    return prepared(sql, statement);
  }

  /**
   * Writes every held update and row and forgets them. A failure fails the transaction: the caller
   * rolls it (or its savepoint) back, so no part of a failed flush stays, and this unit of work
   * takes no more work.
   */
  void flush() throws SQLException {
    requireOpen();
    if (isEmpty()) {
      return;
    }
    Map<Table, List<Object[]>> taken = new EnumMap<>(rows);
    List<Guarded> guarded = List.copyOf(updates);
    rows.clear();
    updates.clear();
    boolean written = false;
    try {
      write(taken, guarded);
      written = true;
    } finally {
      if (!written) {
        closed = "a flush of the transaction failed: it must be rolled back";
      }
    }
  }

  /**
   * Ends the unit of work just before the commit: runs the hooks (after a flush, so they see every
   * held row), then flushes what they held. Afterwards it holds nothing and takes nothing.
   */
  void complete() throws SQLException {
    flush();
    for (Hook hook : beforeCommit) {
      hook.run();
    }
    flush();
    closed = "the transaction has completed";
  }

  private void requireOpen() {
    if (closed != null) {
      throw new IllegalStateException("No more work in this transaction: " + closed);
    }
  }

  private <T> T prepared(String sql, Statement<T> statement) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      return statement.run(ps);
    }
  }

  private void write(Map<Table, List<Object[]>> taken, List<Guarded> guarded) throws SQLException {
    if (dialect == Dialect.H2) {
      for (Guarded u : guarded) {
        if (prepared(u.sql(), Db.executeUpdate(u.params())) != 1) {
          throw new IllegalStateException(u.failure());
        }
      }
      for (Map.Entry<Table, List<Object[]>> e : taken.entrySet()) {
        prepared(e.getKey().insert, Db.executeBatch(e.getValue()));
      }
      return;
    }
    List<Segment> statement = new ArrayList<>();
    int parameters = 0;
    for (Guarded u : guarded) {
      if (parameters + u.params().length > MAX_PARAMETERS && !statement.isEmpty()) {
        write(statement);
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
          write(statement);
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
    write(statement);
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
  private void write(List<Segment> segments) throws SQLException {
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
      prepared(sql.toString(), Db.executeUpdate(parameters.toArray()));
      return;
    }
    sql.append(" SELECT ");
    for (int i = 0; i < counted.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ").append(counted.get(i)).append(')');
    }
    List<long[]> counts = prepared(sql.toString(), Db.executeQuery(rs -> {
      long[] changed = new long[checked.size()];
      for (int i = 0; i < changed.length; i++) {
        changed[i] = rs.getLong(i + 1);
      }
      return changed;
    }, parameters.toArray()));
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
