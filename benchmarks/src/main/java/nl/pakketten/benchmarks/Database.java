package nl.pakketten.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** One embedded PostgreSQL for the whole run, with one HikariCP pool that both sides share. */
final class Database implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final HikariDataSource pool;

  private Database(EmbeddedPostgres postgres, HikariDataSource pool) {
    this.postgres = postgres;
    this.pool = pool;
  }

  static Database start(int clients) throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("max_connections", "100")
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("shared_preload_libraries", System.getProperty("bench.preload", ""))
        .start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(clients + 2);
    config.setMinimumIdle(clients + 2);
    config.setAutoCommit(true);
    HikariDataSource pool = new HikariDataSource(config);
    Flyway.configure().dataSource(pool).locations("classpath:nl/pakketten/jdbc/migration/postgresql")
        .load().migrate();
    return new Database(postgres, pool);
  }

  DataSource dataSource() {
    return pool;
  }

  int port() {
    return postgres.getPort();
  }

  String version() throws SQLException {
    return show("server_version");
  }

  /** The settings that decide what a commit costs; the same for both sides of every ratio. */
  Map<String, String> durability() throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : new String[] {"fsync", "synchronous_commit", "full_page_writes", "wal_level"}) {
      settings.put(name, show(name));
    }
    return settings;
  }

  String createDatabase(String name) {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
  }

  private String show(String setting) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public void close() throws java.io.IOException {
    pool.close();
    postgres.close();
  }
}
