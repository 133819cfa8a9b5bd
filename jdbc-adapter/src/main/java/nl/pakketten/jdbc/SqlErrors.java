package nl.pakketten.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.spi.TransientException;
import nl.pakketten.storage.StorageException;

/**
 * Turns a {@link SQLException} into the core's exceptions, by SQLSTATE (PostgreSQL and H2) and,
 * where a driver or pool gives none, by the JDBC exception class. Three answers a retry cares
 * about: <i>not stored, retry</i> (a conflict the database resolved by rolling back), <i>outcome
 * unknown, retry</i> (the connection ended or was lost), and <i>refused</i> (no retry helps).
 */
final class SqlErrors {
  /** A concurrent transaction took the same key, or removed a row this one refers to: a retry sees it. */
  private static final Set<String> INTEGRITY_RACES = Set.of(
      "23505", // unique_violation (both)
      "23503", // foreign_key_violation (PostgreSQL); H2: a child row exists
      "23506"); // H2: the parent row is missing
  /** A lock conflict the database resolved by failing this statement or transaction: a retry may pass. */
  private static final Set<String> LOCK_CONFLICTS = Set.of(
      "40001", // serialization_failure (PostgreSQL); deadlock (H2)
      "40P01", // deadlock_detected (PostgreSQL)
      "55P03", // lock_not_available (PostgreSQL lock_timeout)
      "57014", // query_canceled (PostgreSQL statement_timeout, fires while waiting for a lock as well)
      "HYT00", // lock timeout (H2)
      "90131"); // concurrent update (H2)
  /**
   * The server ended the connection, or it was lost: whatever the transaction sent may or may not
   * have committed. (Class 08 is the standard's connection exception; PgJDBC reports a lost
   * connection as 08006 or 08003.)
   */
  private static final Set<String> CONNECTION_ENDED = Set.of(
      "57P01", // admin_shutdown (pg_terminate_backend, a server shutting down)
      "57P02", // crash_shutdown
      "57P03", // cannot_connect_now (the server is starting or stopping)
      "90067"); // H2: connection broken

  private SqlErrors() {}

  /** A retry inside the same transaction (after a rollback to a savepoint) can cure it. */
  static boolean isIntegrityRace(TransientException e) {
    return e instanceof SqlTransientException s && INTEGRITY_RACES.contains(s.sqlState);
  }

  /** Whether {@code e} says the connection ended or was lost. */
  static boolean isConnectionEnded(SQLException e) {
    String state = sqlState(e);
    if (state != null) {
      return state.startsWith("08") || CONNECTION_ENDED.contains(state);
    }
    return e instanceof SQLRecoverableException || e instanceof SQLNonTransientConnectionException;
  }

  /** The exception to throw for {@code e}, which happened while doing {@code what}. */
  static RuntimeException translate(SQLException e, String what) {
    String state = sqlState(e);
    String detail = " (" + describe(e) + ")";
    if (isConnectionEnded(e)) {
      return new SqlTransientException("The connection to the database ended or was lost while trying to " + what
          + detail + "; the outcome is unknown", state, true, e);
    }
    if (state == null) {
      if (e instanceof SQLTransientException) {
        // A pool timeout (HikariCP's SQLTransientConnectionException) or a driver's transient
        // failure without a SQLSTATE: nothing was done, and a retry may pass.
        return new SqlTransientException("The database was not available in time to " + what + detail, null, false,
            e);
      }
      return new StorageException("The database failed to " + what + detail, null, false, e);
    }
    if (INTEGRITY_RACES.contains(state) || LOCK_CONFLICTS.contains(state)) {
      return new SqlTransientException("A concurrent transaction conflicted while trying to " + what + detail, state,
          false, e);
    }
    if (state.startsWith("22")) {
      // Data exception: a value the column cannot hold (too long, out of range, not representable).
      return InvalidInputException.of("value", null, "was refused by the database while trying to " + what
          + detail);
    }
    if (state.equals("42P01") || state.equals("42S02") || state.equals("42102") || state.equals("42S22")
        || state.equals("42703")) {
      return new StorageException("The Pakketten tables are missing or outdated while trying to " + what + detail
          + ": apply the migrations shipped in the pakketten-jdbc jar", state, false, e);
    }
    return new StorageException("The database refused to " + what + detail, state, false, e);
  }

  /**
   * The exception for a failed commit. Only a conflict the database reports at commit (a
   * serialization failure, a deferred key) means it rolled back; any other failure, a lost
   * connection above all, leaves the outcome unknown and is never reported as "refused".
   */
  static TransientException translateCommit(SQLException e) {
    String state = sqlState(e);
    if (state != null && (INTEGRITY_RACES.contains(state) || LOCK_CONFLICTS.contains(state))) {
      return new SqlTransientException("A concurrent transaction conflicted at commit, which rolled back ("
          + describe(e) + ")", state, false, e);
    }
    return new SqlTransientException("The commit failed (" + describe(e) + "); the outcome is unknown", state,
        true, e);
  }

  /**
   * The exception for a failure to get a connection: nothing was sent, so a pool timeout or an
   * unreachable database is "not stored, retry"; anything else (a wrong password) is refused.
   */
  static RuntimeException translateConnect(SQLException e) {
    if (isConnectionEnded(e) || e instanceof SQLTransientException) { // HikariCP's timeout is one of these
      return new SqlTransientException("Could not get a connection to the database; nothing was sent ("
          + describe(e) + ")", sqlState(e), false, e);
    }
    return translate(e, "open a connection");
  }

  /** The first SQLSTATE in the exception, its chained exceptions or its causes. */
  static String sqlState(SQLException e) {
    SQLException s = withState(e);
    return s == null ? null : s.getSQLState();
  }

  /** "SQLSTATE s: message", both from the same exception: the first one that has a SQLSTATE. */
  static String describe(SQLException e) {
    SQLException shown = withState(e);
    if (shown == null) {
      return "no SQLSTATE: " + firstLine(e);
    }
    return "SQLSTATE " + shown.getSQLState() + ": " + firstLine(shown);
  }

  private static SQLException withState(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          if (n.getSQLState() != null) {
            return n;
          }
        }
      }
    }
    return null;
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** A transient failure that remembers its SQLSTATE. */
  static final class SqlTransientException extends TransientException {
    final String sqlState;

    SqlTransientException(String message, String sqlState, boolean outcomeUnknown, Throwable cause) {
      super(message, sqlState, outcomeUnknown, true, cause);
      this.sqlState = sqlState;
    }
  }
}
