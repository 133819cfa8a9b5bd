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
      + " WHEN 'GIVEN_BACK' THEN m.credits WHEN 'SPENT' THEN -m.credits WHEN 'EXPIRED' THEN -m.credits"
      + " WHEN 'REFUNDED' THEN -m.credits WHEN 'REVERSED' THEN -m.credits WHEN 'TRANSFERRED_OUT' THEN -m.credits"
      + " WHEN 'TRANSFERRED_IN' THEN m.credits ELSE 0 END";

  /** Every violation found, as text; empty when the ledger adds up. */
  static List<String> violations(DataSource dataSource) {
    List<String> found = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      // Each check aggregates once and joins, so it stays linear in the size of the tables.
      collect(s, found, "balance differs from the lots", "SELECT w.practice_id, w.patient_id, w.package_id,"
          + " w.balance, COALESCE(x.total, 0) FROM pakketten_wallets w LEFT JOIN (SELECT practice_id, patient_id,"
          + " package_id, SUM(credits_remaining) AS total FROM pakketten_lots GROUP BY practice_id, patient_id,"
          + " package_id) x ON x.practice_id = w.practice_id AND x.patient_id = w.patient_id"
          + " AND x.package_id = w.package_id");
      collect(s, found, "balance differs from the history", "SELECT w.practice_id, w.patient_id, w.package_id,"
          + " w.balance, COALESCE(x.total, 0) FROM pakketten_wallets w LEFT JOIN (SELECT m.practice_id, m.patient_id,"
          + " m.package_id, SUM(" + SIGNED_CREDITS + ") AS total FROM pakketten_movements m GROUP BY m.practice_id,"
          + " m.patient_id, m.package_id) x ON x.practice_id = w.practice_id AND x.patient_id = w.patient_id"
          + " AND x.package_id = w.package_id");
      collect(s, found, "lot's remaining credits differ from its history", "SELECT l.practice_id, l.lot_id, '-',"
          + " l.credits_remaining, COALESCE(x.total, 0) FROM pakketten_lots l LEFT JOIN (SELECT m.practice_id,"
          + " m.lot_id, SUM(" + SIGNED_CREDITS + ") AS total FROM pakketten_movements m GROUP BY m.practice_id,"
          + " m.lot_id) x ON x.practice_id = l.practice_id AND x.lot_id = l.lot_id");
      collect(s, found, "lot's recognised revenue differs from its history", "SELECT l.practice_id, l.lot_id, '-',"
          + " l.recognised_revenue, COALESCE(x.total, 0) FROM pakketten_lots l LEFT JOIN (SELECT practice_id, lot_id,"
          + " SUM(revenue) AS total FROM pakketten_movements GROUP BY practice_id, lot_id) x"
          + " ON x.practice_id = l.practice_id AND x.lot_id = l.lot_id");
      collect(s, found, "journal entry does not balance", "SELECT practice_id, entry_id, '-',"
          + " SUM(CASE side WHEN 'DEBIT' THEN amount ELSE 0 END), SUM(CASE side WHEN 'CREDIT' THEN amount ELSE 0 END)"
          + " FROM pakketten_journal_lines GROUP BY practice_id, entry_id");
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
