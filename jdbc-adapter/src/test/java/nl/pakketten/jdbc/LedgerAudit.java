package nl.pakketten.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Checks the stored ledger against itself with SQL, over every practice: each stored balance equals
 * the lots' remaining credits and the balance recomputed from the movement history; each lot's
 * recognised revenue equals the revenue of its movements; each journal entry balances.
 */
final class LedgerAudit {
  private LedgerAudit() {}

  private static final String SIGNED_CREDITS = "CASE m.kind WHEN 'GRANTED' THEN m.credits WHEN 'IMPORTED' THEN m.credits"
      + " WHEN 'GIVEN_BACK' THEN m.credits WHEN 'SPENT' THEN -m.credits WHEN 'EXPIRED' THEN -m.credits ELSE 0 END";

  /** Every violation found, as text; empty when the ledger adds up. */
  static List<String> violations(DataSource dataSource) {
    List<String> found = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      collect(s, found, "balance differs from the lots", "SELECT w.practice_id, w.patient_id, w.package_id,"
          + " w.balance, (SELECT COALESCE(SUM(l.credits_remaining), 0) FROM pakketten_lots l"
          + " WHERE l.practice_id = w.practice_id AND l.patient_id = w.patient_id AND l.package_id = w.package_id)"
          + " AS recomputed FROM pakketten_wallets w");
      collect(s, found, "balance differs from the history", "SELECT w.practice_id, w.patient_id, w.package_id,"
          + " w.balance, (SELECT COALESCE(SUM(" + SIGNED_CREDITS + "), 0) FROM pakketten_movements m"
          + " WHERE m.practice_id = w.practice_id AND m.patient_id = w.patient_id AND m.package_id = w.package_id)"
          + " AS recomputed FROM pakketten_wallets w");
      collect(s, found, "lot's remaining credits differ from its history", "SELECT l.practice_id, l.lot_id, '-',"
          + " l.credits_remaining, (SELECT COALESCE(SUM(" + SIGNED_CREDITS + "), 0) FROM pakketten_movements m"
          + " WHERE m.practice_id = l.practice_id AND m.lot_id = l.lot_id) AS recomputed FROM pakketten_lots l");
      collect(s, found, "lot's recognised revenue differs from its history", "SELECT l.practice_id, l.lot_id, '-',"
          + " l.recognised_revenue, (SELECT COALESCE(SUM(m.revenue), 0) FROM pakketten_movements m"
          + " WHERE m.practice_id = l.practice_id AND m.lot_id = l.lot_id) AS recomputed FROM pakketten_lots l");
      collect(s, found, "journal entry does not balance", "SELECT e.practice_id, e.entry_id, '-',"
          + " (SELECT SUM(amount) FROM pakketten_journal_lines j WHERE j.practice_id = e.practice_id"
          + " AND j.entry_id = e.entry_id AND j.side = 'DEBIT'),"
          + " (SELECT SUM(amount) FROM pakketten_journal_lines j WHERE j.practice_id = e.practice_id"
          + " AND j.entry_id = e.entry_id AND j.side = 'CREDIT') FROM pakketten_journal_entries e");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private static void collect(Statement s, List<String> found, String what, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        if (rs.getBigDecimal(4).compareTo(rs.getBigDecimal(5)) != 0) {
          found.add(what + ": " + rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + " stored "
              + rs.getBigDecimal(4) + ", recomputed " + rs.getBigDecimal(5));
        }
      }
    }
  }

  /** The number of rows in {@code table}. */
  static long count(DataSource dataSource, String table) {
    return count(dataSource, "SELECT COUNT(*) FROM " + table, new Object[0]);
  }

  static long count(DataSource dataSource, String sql, Object... params) {
    try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
