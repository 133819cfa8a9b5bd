package nl.pakketten.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs only the uncontended spend for a while, for a profiler to watch, then prints where the
 * database spent its time (pg_stat_statements). Not part of the suite.
 */
public final class SpendProfile {
  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 20);
    System.setProperty("bench.preload", "pg_stat_statements");
    try (Database db = Database.start(2)) {
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      }
      SdkWorkload sdk = new SdkWorkload(db.dataSource());
      sdk.load(1000);
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("SELECT pg_stat_statements_reset()");
      }
      Load.Result r = new Load(3, seconds).run("sdk-spend", 1, (c, n) -> sdk.spendRandom(c, n));
      System.out.println(r);
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3),"
              + " left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25")) {
        while (rs.next()) {
          System.out.printf("%8d %10s ms %8s ms  %s%n", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
      }
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        c.setAutoCommit(false);
        for (String sql : new String[] {
            "EXPLAIN (ANALYZE, BUFFERS) INSERT INTO pakketten_journal_entries (practice_id, entry_id, at, kind) VALUES ('bench-practice', 'x1', now(), 'SPEND')",
            "EXPLAIN (ANALYZE, BUFFERS) INSERT INTO pakketten_journal_lines (practice_id, entry_id, line_no, account, role, side, amount, currency, at, kind) VALUES ('bench-practice', 'x1', 0, '8000', 'REVENUE', 'DEBIT', 1, 'EUR', now(), 'SPEND')",
            "EXPLAIN (ANALYZE, BUFFERS) UPDATE pakketten_lots SET credits_remaining = credits_remaining - 1 WHERE practice_id = 'bench-practice' AND lot_id = (SELECT lot_id FROM pakketten_lots LIMIT 1)"}) {
          try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
              System.out.println(rs.getString(1));
            }
          }
        }
        c.rollback();
      }
    }
  }

  private SpendProfile() {}
}
