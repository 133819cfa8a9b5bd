package nl.pakketten.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.pakketten.spi.Transactions;
import nl.pakketten.spi.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's small JDBC helper: transactions bound to the calling thread, and prepared
 * statements run on the current transaction's connection. A repository call made outside a
 * transaction runs in a short transaction of its own.
 *
 * <p>Three ways a transaction starts: the adapter opens its own (a connection from the
 * DataSource, auto-commit off, commit or roll back, close); the host bound its connection with
 * {@link #inHostTransaction}; or the {@link HostTransaction} reports one open. A joined transaction
 * runs under a savepoint and is never committed, rolled back or closed here.
 *
 * <p>What a transaction holds back (rows of the insert-only tables, a saved wallet's guarded
 * updates, work to do before the commit) and when it is written is its {@link UnitOfWork}'s
 * contract; every statement here runs through that unit of work, which writes what is held first.
 */
final class Db implements Transactions {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.LOGGER);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final HostTransaction host;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();
  /** Set while work runs after a host's commit: its transactions are the adapter's own. */
  private final ThreadLocal<Boolean> ownOnly = new ThreadLocal<>();

  Db(DataSource dataSource, Dialect dialect, HostTransaction host) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.host = host;
  }

  /** One transaction on one connection: its unit of work, and what its repositories locked in it. */
  static final class Tx {
    /** The writes this transaction holds back, and the one way its statements reach the connection. */
    final UnitOfWork work;
    /** Per repository: the state of the rows it read under a lock in this transaction. */
    private final Map<Object, Object> locked = new HashMap<>();
    /** Work to run once this transaction, the adapter's own, has committed. */
    private final List<Runnable> afterCommit = new ArrayList<>();
    /** Whether the adapter commits it (else it joined the host's). */
    private final boolean own;
    /** A joined transaction's part is done: its savepoint released, so the host's commit includes it. */
    private volatile boolean released;

    Tx(Connection connection, Dialect dialect, boolean own) {
      this.work = new UnitOfWork(connection, dialect);
      this.own = own;
    }

    @SuppressWarnings("unchecked")
    <K, V> Optional<V> locked(K key) {
      return Optional.ofNullable((V) locked.get(key));
    }

    void remember(Object key, Object value) {
      locked.put(key, value);
    }
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T apply(Tx tx) throws SQLException;
  }

  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  // Transactions.

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get(); // already in one on this thread: take part in it
    }
    if (ownOnly.get() != null) {
      return own(work, false);
    }
    Connection hostConnection = bound.get();
    if (hostConnection != null) {
      return joined(hostConnection, work);
    }
    if (host != null) {
      Connection connection;
      try {
        connection = host.currentConnection();
      } catch (SQLException e) {
        throw SqlErrors.translate(e, "get the host's transaction");
      }
      if (connection != null) {
        try {
          return joined(connection, work);
        } finally {
          try {
            host.release(connection);
          } catch (SQLException e) {
            // The work's outcome stands; the host's transaction manager owns the connection.
          }
        }
      }
    }
    return own(work, false);
  }

  /**
   * A transaction of reads that all see one snapshot: the adapter's own connection is set read-only
   * and to repeatable read for it (on PostgreSQL one snapshot for every statement; a read-only
   * transaction there never fails to serialize). Inside a transaction already open on this thread,
   * or one the host bound, it joins that one as {@link #inTransaction} does.
   */
  @Override
  public <T> T inReadOnlyTransaction(Supplier<T> work) {
    if (current.get() != null || bound.get() != null || host != null) {
      return inTransaction(work);
    }
    return own(work, true);
  }

  /**
   * Runs {@code action} after the commit of the transaction open on this thread: the adapter's own
   * right after its commit; a host's through {@link HostTransaction#afterCommit}, if this command
   * found it there and the host takes it (never for a connection bound with {@link
   * #inHostTransaction}, whose commit the adapter is not told of). The action runs in a transaction
   * of its own when it opens one, never in the host's.
   */
  @Override
  public boolean afterCommit(Runnable action) {
    Tx tx = current.get();
    if (tx == null) {
      throw new IllegalStateException("afterCommit outside a transaction");
    }
    if (tx.own) {
      tx.afterCommit.add(action);
      return true;
    }
    if (host == null || bound.get() != null) {
      return false;
    }
    // Registered now, run by the host after its commit, and only if this command's part was kept.
    return host.afterCommit(() -> {
      if (tx.released) {
        outsideHost(action);
      }
    });
  }

  /** Runs {@code action} with any transaction it opens the adapter's own, not the host's. */
  private void outsideHost(Runnable action) {
    ownOnly.set(Boolean.TRUE);
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("work after the host's commit failed; the host's transaction stays committed", e);
    } finally {
      ownOnly.remove();
    }
  }

  private static void runAfterCommit(List<Runnable> actions) {
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("work after a commit failed; the transaction stays committed", e);
      }
    }
  }

  /** Runs {@code work} with every command in it joining the transaction open on {@code connection}. */
  <T> T inHostTransaction(Connection connection, Supplier<T> work) {
    if (current.get() != null || bound.get() != null) {
      throw new IllegalStateException("Already inside a Pakketten transaction on this thread");
    }
    bound.set(connection);
    try {
      return work.get();
    } finally {
      bound.remove();
    }
  }

  private <T> T own(Supplier<T> work, boolean readOnly) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrors.translateConnect(e);
    }
    boolean restoreAutoCommit = false;
    Tx tx = new Tx(connection, dialect, true);
    T result;
    int isolation = -1; // the connection's own, put back when it was changed
    try {
      try {
        if (connection.getAutoCommit()) {
          connection.setAutoCommit(false);
          restoreAutoCommit = true;
        }
        if (readOnly) {
          isolation = connection.getTransactionIsolation();
          connection.setReadOnly(true);
          connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
      } catch (SQLException e) {
        throw SqlErrors.translateConnect(e); // nothing sent yet
      }
      current.set(tx);
      try {
        result = work.get();
        finish(tx);
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        // Never "refused": unless the database says it rolled back, the commit may have happened.
        TransientException failed = SqlErrors.translateCommit(e);
        rollback(connection, failed);
        throw failed;
      }
    } finally {
      current.remove();
      try {
        if (readOnly) {
          connection.setReadOnly(false);
          if (isolation != -1) {
            connection.setTransactionIsolation(isolation);
          }
        }
        if (restoreAutoCommit) {
          connection.setAutoCommit(true);
        }
      } catch (SQLException e) {
        // A broken connection: the pool discards it when it is closed below.
      }
      try {
        connection.close();
      } catch (SQLException e) {
        // Nothing to do: the transaction ended above.
      }
    }
    runAfterCommit(tx.afterCommit);
    return result;
  }

  private <T> T joined(Connection connection, Supplier<T> work) {
    Savepoint savepoint;
    try {
      if (connection.getAutoCommit()) {
        throw new IllegalStateException("The host's connection is in auto-commit mode, so there is no transaction"
            + " to join: begin one (setAutoCommit(false)) before running Pakketten commands in it");
      }
      savepoint = connection.setSavepoint();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "set a savepoint in the host's transaction");
    }
    Tx tx = new Tx(connection, dialect, false);
    current.set(tx);
    try {
      T result = work.get();
      finish(tx);
      try {
        connection.releaseSavepoint(savepoint);
      } catch (SQLException e) {
        throw SqlErrors.translate(e, "release the savepoint in the host's transaction");
      }
      tx.released = true;
      return result;
    } catch (TransientException e) {
      boolean undone = rollback(connection, savepoint, e);
      if (undone && SqlErrors.isIntegrityRace(e)) {
        throw e; // the retry, in the same transaction, sees the row the concurrent one stored
      }
      // Only the host can run its transaction again: the core reports this with the command's key.
      throw new TransientException(e.getMessage() + ". " + (e.outcomeUnknown()
          ? "The host's transaction is broken with its connection"
          : undone ? "The command was undone and the host's transaction is still usable"
              : "The database aborted the host's transaction"), e.outcomeUnknown(), false, e);
    } catch (RuntimeException | Error e) {
      rollback(connection, savepoint, e);
      throw e;
    } finally {
      current.remove();
    }
  }

  /** Completes the transaction's unit of work; a failure is worded by the step that failed. */
  private static void finish(Tx tx) {
    try {
      tx.work.flush(); // also done by complete(): here so that its failure names what was written

    } catch (SQLException e) {
      throw SqlErrors.translate(e, "write the wallet changes, movements, journal entries and appointments of the"
          + " transaction");
    }
    try {
      tx.work.complete();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "finish the transaction");
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
      LOG.warn("rollback failed: sqlstate={} after {}; the database ends the transaction with the connection",
          SqlErrors.sqlState(e), cause.getClass().getSimpleName());
    }
  }

  private static boolean rollback(Connection connection, Savepoint savepoint, Throwable cause) {
    try {
      connection.rollback(savepoint);
      return true;
    } catch (SQLException e) {
      cause.addSuppressed(e);
      LOG.warn("rollback to the savepoint in the host's transaction failed: sqlstate={} after {}; the host must"
          + " roll its transaction back", SqlErrors.sqlState(e), cause.getClass().getSimpleName());
      return false;
    }
  }

  // Statements.

  /** Runs {@code work} on the current transaction, or in a short one of its own. */
  <T> T call(String what, SqlWork<T> work) {
    Tx tx = current.get();
    if (tx == null) {
      return inTransaction(() -> call(what, work));
    }
    try {
      return work.apply(tx);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, what);
    }
  }

  int update(String what, String sql, Object... params) {
    return call(what, tx -> update(tx, sql, params));
  }

  <T> List<T> list(String what, String sql, Row<T> row, Object... params) {
    return call(what, tx -> list(tx, sql, row, params));
  }

  <T> Optional<T> first(String what, String sql, Row<T> row, Object... params) {
    return call(what, tx -> {
      List<T> rows = list(tx, sql, row, params);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    });
  }

  static int update(Tx tx, String sql, Object... params) throws SQLException {
    return tx.work.statement(sql, executeUpdate(params));
  }

  static <T> List<T> list(Tx tx, String sql, Row<T> row, Object... params) throws SQLException {
    return tx.work.statement(sql, executeQuery(row, params));
  }

  /**
   * Runs a query and hands its rows to {@code row} one at a time as the driver fetches them, {@code
   * fetchSize} rows per round trip: a cursor, not a list, so a query of any size is read in bounded
   * memory. PostgreSQL's driver only fetches in batches with auto-commit off, which every
   * transaction here has; H2 reads its result row by row (spilling a large one to disk).
   */
  static void stream(Tx tx, String sql, int fetchSize, RowSink row, Object... params) throws SQLException {
    tx.work.statement(sql, ps -> {
      ps.setFetchSize(fetchSize);
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.setFetchSize(fetchSize);
        while (rs.next()) {
          row.accept(rs);
        }
      }
      return null;
    });
  }

  /** Takes the rows of {@link #stream}, one at a time. */
  @FunctionalInterface
  interface RowSink {
    void accept(ResultSet rs) throws SQLException;
  }

  /**
   * Runs several queries, separated by semicolons in {@code sql}, in one round trip (PostgreSQL's
   * driver sends them together); one list of rows per query, mapped by the row mapper at its place.
   */
  static List<List<Object>> lists(Tx tx, String sql, List<Row<?>> rows, Object... params) throws SQLException {
    return tx.work.statement(sql, ps -> {
      bind(ps, params);
      List<List<Object>> results = new ArrayList<>();
      boolean isResultSet = ps.execute();
      for (Row<?> row : rows) {
        if (!isResultSet) {
          throw new IllegalStateException("Expected " + rows.size() + " result sets from: " + sql);
        }
        List<Object> result = new ArrayList<>();
        try (ResultSet rs = ps.getResultSet()) {
          while (rs.next()) {
            result.add(row.map(rs));
          }
        }
        results.add(result);
        isResultSet = ps.getMoreResults();
      }
      return results;
    });
  }

  /** Runs one statement for each parameter list, in one batch; nothing when there is none. */
  static void batch(Tx tx, String sql, List<Object[]> rows) throws SQLException {
    if (!rows.isEmpty()) {
      tx.work.statement(sql, executeBatch(rows));
    }
  }

  /**
   * {@link #batch} through {@link UnitOfWork#statementKeepingHeld}: only for the wallets' lots, which
   * no held row refers to.
   */
  static void batchKeepingHeld(Tx tx, String sql, List<Object[]> rows) throws SQLException {
    if (!rows.isEmpty()) {
      tx.work.statementKeepingHeld(sql, executeBatch(rows));
    }
  }

  /** An update, delete or insert with {@code params}: the number of rows it changed. */
  static UnitOfWork.Statement<Integer> executeUpdate(Object[] params) {
    return ps -> {
      bind(ps, params);
      return ps.executeUpdate();
    };
  }

  /** A query with {@code params}: its rows, each mapped by {@code row}. */
  static <T> UnitOfWork.Statement<List<T>> executeQuery(Row<T> row, Object[] params) {
    return ps -> {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rs.next()) {
          result.add(row.map(rs));
        }
        return result;
      }
    };
  }

  /** One execution per parameter list of {@code rows} (not empty): a batch, or one update for one row. */
  static UnitOfWork.Statement<Void> executeBatch(List<Object[]> rows) {
    return ps -> {
      if (rows.size() == 1) {
        bind(ps, rows.get(0));
        ps.executeUpdate();
        return null;
      }
      for (Object[] params : rows) {
        bind(ps, params);
        ps.addBatch();
      }
      ps.executeBatch();
      return null;
    };
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int index = i + 1;
      if (p instanceof Values.Null n) {
        ps.setNull(index, n.sqlType);
      } else if (p instanceof String s) {
        ps.setString(index, s);
      } else if (p instanceof Integer n) {
        ps.setInt(index, n);
      } else if (p instanceof Long n) {
        ps.setLong(index, n);
      } else if (p instanceof Boolean b) {
        ps.setBoolean(index, b);
      } else if (p instanceof BigDecimal d) {
        ps.setBigDecimal(index, d);
      } else if (p instanceof Instant t) {
        ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
      } else if (p instanceof LocalDate d) {
        ps.setObject(index, d);
      } else if (p instanceof byte[] b) {
        ps.setBytes(index, b);
      } else {
        throw new IllegalArgumentException("Cannot bind parameter " + index + ": " + (p == null ? "untyped null"
            : p.getClass().getName()));
      }
    }
  }
}
