package nl.pakketten.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database settings under which the adapter cannot keep the SDK's guarantees, found when a
 * {@link JdbcStorage} is built: each makes two different keys (practice ids, invoice ids, name keys)
 * equal, or lets a read see what another transaction may still roll back. Settings that only make
 * commands fail loudly (a read-only default transaction, another isolation level whose conflicts
 * the retries cure) are not refused: they cannot lose, double or leak a credit.
 */
final class DatabaseSettings {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.LOGGER);

  private DatabaseSettings() {}

  /** Throws an {@link IllegalStateException} naming every setting found that breaks a guarantee. */
  static void refuseUnsafe(Connection connection, Dialect dialect) throws SQLException {
    List<String> problems = dialect == Dialect.H2 ? h2(connection) : postgresql(connection);
    if (!problems.isEmpty()) {
      LOG.debug("settings refused: {}", problems.size());
      throw new IllegalStateException("Pakketten refuses this " + (dialect == Dialect.H2 ? "H2" : "PostgreSQL")
          + " database, because its settings break the SDK's guarantees: " + String.join("; ", problems)
          + ". See docs/jdbc.md, \"Settings the adapter refuses\".");
    }
    LOG.debug("settings checked: none breaks a guarantee");
  }

  private static List<String> h2(Connection connection) throws SQLException {
    List<String> problems = new ArrayList<>();
    if (!strings(connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
        + " WHERE SETTING_NAME = 'IGNORECASE' AND UPPER(SETTING_VALUE) IN ('1', 'TRUE')").isEmpty()) {
      problems.add("IGNORECASE=TRUE is set: every VARCHAR column created from now on (by a migration too) compares"
          + " ignoring case, so practice 'p1' would read practice 'P1's balances and invoice 'inv-1' would be"
          + " taken as 'INV-1'; remove IGNORECASE=TRUE from the URL and settings");
    }
    List<String> ignoringCase = strings(connection, "SELECT TABLE_NAME || '.' || COLUMN_NAME"
        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE LEFT(UPPER(TABLE_NAME), 10) = 'PAKKETTEN_'"
        + " AND DATA_TYPE = 'VARCHAR_IGNORECASE' ORDER BY TABLE_NAME, ORDINAL_POSITION");
    if (!ignoringCase.isEmpty()) {
      problems.add("columns " + summary(ignoringCase) + " are VARCHAR_IGNORECASE (the tables were created under"
          + " IGNORECASE=TRUE): keys that differ in case would be one, merging practices, patients and invoices;"
          + " create the tables again without IGNORECASE");
    }
    List<String> collation = strings(connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
        + " WHERE SETTING_NAME = 'COLLATION' AND UPPER(SETTING_VALUE) <> 'OFF'");
    if (!collation.isEmpty()) {
      problems.add("COLLATION " + collation.get(0) + " is set: text is compared by a language's collation instead"
          + " of character by character, so keys such as 'p1' and 'P1' or 'é' and 'e\u0301' can be equal;"
          + " use a database without SET COLLATION");
    }
    if (connection.getTransactionIsolation() == Connection.TRANSACTION_READ_UNCOMMITTED) {
      problems.add("the connections' isolation level is READ UNCOMMITTED: a balance, lot or history read could see"
          + " a change another transaction then rolls back; use READ COMMITTED (H2's default) or stricter");
    }
    return problems;
  }

  private static List<String> postgresql(Connection connection) throws SQLException {
    List<String> problems = new ArrayList<>();
    List<String> nondeterministic = strings(connection, "SELECT c.relname || '.' || a.attname || ' ('"
        + " || co.collname || ')' FROM pg_catalog.pg_attribute a"
        + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
        + " JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
        + " WHERE c.relkind IN ('r', 'p') AND left(c.relname, 10) = 'pakketten_'"
        + " AND pg_catalog.pg_table_is_visible(c.oid)"
        + " AND a.attnum > 0 AND NOT a.attisdropped AND NOT co.collisdeterministic"
        + " ORDER BY c.relname, a.attnum");
    if (!nondeterministic.isEmpty()) {
      problems.add("columns " + summary(nondeterministic) + " have a nondeterministic collation: text that differs"
          + " (in case, accents or normalisation) can compare equal, so keys such as practice 'p1' and 'P1' would"
          + " be one; give them a deterministic collation (the database default, or \"C\")");
    }
    return problems;
  }

  private static String summary(List<String> columns) {
    return columns.size() <= 5 ? String.join(", ", columns)
        : String.join(", ", columns.subList(0, 5)) + " and " + (columns.size() - 5) + " more";
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
