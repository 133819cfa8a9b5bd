package nl.pakketten.jdbc;

import java.sql.SQLException;
import java.util.Set;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.StorageException;
import nl.pakketten.common.TransientException;

/** Turns a {@link SQLException} into the core's exceptions, by SQLSTATE (PostgreSQL and H2). */
final class SqlErrors {
  /** A concurrent transaction took the same key, or removed a row this one refers to: a retry sees it. */
  private static final Set<String> INTEGRITY_RACES = Set.of(
      "23505", // unique_violation (both)
      "23503", // foreign_key_violation (PostgreSQL); H2: a child row exists
      "23506"); // H2: the parent row is missing
  /** A lock conflict the database resolved by failing this transaction: a retry may pass. */
  private static final Set<String> LOCK_CONFLICTS = Set.of(
      "40001", // serialization_failure (PostgreSQL); deadlock (H2)
      "40P01", // deadlock_detected (PostgreSQL)
      "55P03", // lock_not_available (PostgreSQL lock_timeout)
      "HYT00", // lock timeout (H2)
      "90131"); // concurrent update (H2)

  private SqlErrors() {}

  /** A retry inside the same transaction (after a rollback to a savepoint) can cure it. */
  static boolean isIntegrityRace(TransientException e) {
    return e instanceof SqlTransientException s && INTEGRITY_RACES.contains(s.sqlState);
  }

  /** The exception to throw for {@code e}, which happened while doing {@code what}. */
  static RuntimeException translate(SQLException e, String what) {
    String state = sqlState(e);
    String detail = " (SQLSTATE " + state + ": " + firstLine(e) + ")";
    if (state == null) {
      return new StorageException("The database failed to " + what + detail, null, false, e);
    }
    if (INTEGRITY_RACES.contains(state) || LOCK_CONFLICTS.contains(state)) {
      return new SqlTransientException("A concurrent transaction conflicted while trying to " + what + detail, state,
          e);
    }
    if (state.startsWith("22")) {
      // Data exception: a value the column cannot hold (too long, out of range, not representable).
      return InvalidInputException.of("value", null, "was refused by the database while trying to " + what
          + detail);
    }
    if (state.startsWith("08")) {
      return new StorageException("Lost the connection to the database while trying to " + what + detail
          + "; if this happened during commit the outcome is unknown: running the command again with the same key"
          + " is safe", state, true, e);
    }
    if (state.equals("42P01") || state.equals("42S02") || state.equals("42102") || state.equals("42S22")
        || state.equals("42703")) {
      return new StorageException("The Pakketten tables are missing or outdated while trying to " + what + detail
          + ": apply the migrations shipped in the pakketten-jdbc jar", state, false, e);
    }
    return new StorageException("The database refused to " + what + detail, state, false, e);
  }

  /** The first SQLSTATE in the exception, its chained exceptions or its causes. */
  static String sqlState(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          if (n.getSQLState() != null) {
            return n.getSQLState();
          }
        }
      }
    }
    return null;
  }

  private static String firstLine(SQLException e) {
    SQLException shown = e.getNextException() != null ? e.getNextException() : e;
    String message = String.valueOf(shown.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** A transient failure that remembers its SQLSTATE. */
  static final class SqlTransientException extends TransientException {
    final String sqlState;

    SqlTransientException(String message, String sqlState, Throwable cause) {
      super(message, cause);
      this.sqlState = sqlState;
    }
  }
}
