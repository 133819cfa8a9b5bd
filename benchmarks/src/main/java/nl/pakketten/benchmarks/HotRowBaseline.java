package nl.pakketten.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The database's serialized-row ceiling: every client updates the same single row in its own
 * transaction, as pgbench does with a one-row custom script.
 */
final class HotRowBaseline {
  private final DataSource dataSource;

  HotRowBaseline(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  void load() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("DROP TABLE IF EXISTS jb_hot");
      s.execute("CREATE TABLE jb_hot (id int PRIMARY KEY, balance bigint NOT NULL)");
      s.execute("INSERT INTO jb_hot VALUES (1, 0)");
    }
  }

  void transaction() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("UPDATE jb_hot SET balance = balance + 1 WHERE id = 1")) {
        p.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
