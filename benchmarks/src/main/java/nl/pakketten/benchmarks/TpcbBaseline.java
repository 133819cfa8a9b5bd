package nl.pakketten.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * pgbench's built-in {@code tpcb-like} transaction, statement for statement, issued over the same
 * JDBC pool as the SDK: update account, select balance, update teller, update branch, insert
 * history. Its schema and data follow {@code pgbench -i} (100,000 accounts, 10 tellers and 1
 * branch per scale unit).
 */
final class TpcbBaseline {
  private final DataSource dataSource;
  private final int scale;

  TpcbBaseline(DataSource dataSource, int scale) {
    this.dataSource = dataSource;
    this.scale = scale;
  }

  void load() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("DROP TABLE IF EXISTS jb_history, jb_tellers, jb_accounts, jb_branches");
      s.execute("CREATE TABLE jb_branches (bid int NOT NULL PRIMARY KEY, bbalance int, filler char(88)) WITH (fillfactor=100)");
      s.execute("CREATE TABLE jb_tellers (tid int NOT NULL PRIMARY KEY, bid int, tbalance int, filler char(84)) WITH (fillfactor=100)");
      s.execute("CREATE TABLE jb_accounts (aid int NOT NULL PRIMARY KEY, bid int, abalance int, filler char(84)) WITH (fillfactor=100)");
      s.execute("CREATE TABLE jb_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))");
      s.execute("INSERT INTO jb_branches SELECT b, 0, '' FROM generate_series(1, " + scale + ") b");
      s.execute("INSERT INTO jb_tellers SELECT t, (t - 1) / 10 + 1, 0, '' FROM generate_series(1, " + 10 * scale + ") t");
      s.execute("INSERT INTO jb_accounts SELECT a, (a - 1) / 100000 + 1, 0, '' FROM generate_series(1, " + 100_000 * scale + ") a");
      s.execute("VACUUM ANALYZE jb_branches, jb_tellers, jb_accounts, jb_history");
    }
  }

  /** One tpcb-like transaction. */
  void transaction() throws SQLException {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int aid = r.nextInt(1, 100_000 * scale + 1);
    int bid = r.nextInt(1, scale + 1);
    int tid = r.nextInt(1, 10 * scale + 1);
    int delta = r.nextInt(-5000, 5001);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement p = c.prepareStatement("UPDATE jb_accounts SET abalance = abalance + ? WHERE aid = ?")) {
          p.setInt(1, delta);
          p.setInt(2, aid);
          p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT abalance FROM jb_accounts WHERE aid = ?")) {
          p.setInt(1, aid);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
          }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE jb_tellers SET tbalance = tbalance + ? WHERE tid = ?")) {
          p.setInt(1, delta);
          p.setInt(2, tid);
          p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE jb_branches SET bbalance = bbalance + ? WHERE bid = ?")) {
          p.setInt(1, delta);
          p.setInt(2, bid);
          p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO jb_history (tid, bid, aid, delta, mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
          p.setInt(1, tid);
          p.setInt(2, bid);
          p.setInt(3, aid);
          p.setInt(4, delta);
          p.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
