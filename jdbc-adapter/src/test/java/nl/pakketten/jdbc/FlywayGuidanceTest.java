package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Flyway advice of docs/schema.md, run as written against a host's database in each state a
 * host may be in: empty, holding the host's tables without any Flyway history, or migrated by the
 * host's own Flyway (before or after Pakketten's). Each test gets a database of its own.
 */
class FlywayGuidanceTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String HOST_MIGRATIONS = "classpath:nl/pakketten/jdbc/hostapp/migration";

  /** Exactly the code docs/schema.md gives a host that runs Flyway itself. */
  static void migratePakketten(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(JdbcStorage.migrationsFor(dataSource))
        .table("pakketten_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** The host's own Flyway, with its defaults (history in flyway_schema_history). */
  private static Flyway hostFlyway(DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).locations(HOST_MIGRATIONS).load();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void anEmptyDatabaseGetsEveryPakkettenMigration(Database database) throws SQLException {
    DataSource dataSource = newDatabase(database);

    migratePakketten(dataSource);

    assertThat(JdbcStorage.create(dataSource).database()).isNotEmpty();
    assertThat(appliedVersions(dataSource, "pakketten_schema_history")).isEqualTo(shippedVersions(dataSource));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aDatabaseWithTheHostsTablesButNoFlywayHistoryStillGetsPakkettensV1(Database database) throws SQLException {
    DataSource dataSource = newDatabase(database);
    execute(dataSource, "CREATE TABLE host_customers (id INT PRIMARY KEY)");

    migratePakketten(dataSource);

    // Baselined at 0, below V1: V1 and every later version ran. (Flyway's own hint, a baseline at
    // its default version 1, would have skipped V1 and left the tables out.)
    assertThat(appliedVersions(dataSource, "pakketten_schema_history")).isEqualTo(shippedVersions(dataSource));
    assertThat(JdbcStorage.create(dataSource).database()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void theHostsOwnFlywayFirstThenPakkettensKeepsBothHistories(Database database) throws SQLException {
    DataSource dataSource = newDatabase(database);

    hostFlyway(dataSource).migrate();
    migratePakketten(dataSource);
    hostFlyway(dataSource).migrate(); // the next start-up: nothing to do for either
    migratePakketten(dataSource);

    assertThat(appliedVersions(dataSource, "flyway_schema_history")).containsExactly("1", "2");
    assertThat(appliedVersions(dataSource, "pakketten_schema_history")).isEqualTo(shippedVersions(dataSource));
    execute(dataSource, "INSERT INTO host_orders (id, note, placed_at) VALUES (1, 'x', DATE '2026-12-01')");
    assertThat(JdbcStorage.create(dataSource).database()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aHostFlywayThatRunsAfterPakkettensNeedsTheSameBaselineBelowItsV1(Database database) throws SQLException {
    DataSource dataSource = newDatabase(database);
    migratePakketten(dataSource);

    // What docs/schema.md warns about: the schema now holds Pakketten's tables, so a host Flyway
    // with its defaults refuses to start ...
    assertThatThrownBy(() -> hostFlyway(dataSource).migrate()).isInstanceOf(FlywayException.class)
        .hasMessageContaining("no schema history table");
    // ... and the documented remedy applies the host's V1 and V2 too.
    Flyway.configure().dataSource(dataSource).locations(HOST_MIGRATIONS)
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();

    assertThat(appliedVersions(dataSource, "flyway_schema_history")).containsExactly("1", "2");
    execute(dataSource, "INSERT INTO host_orders (id, note, placed_at) VALUES (1, 'x', DATE '2026-12-01')");
  }

  /** The versions a history table records as applied successfully (the baseline row left out). */
  private static List<String> appliedVersions(DataSource dataSource, String table) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"" + table + "\" WHERE \"success\" AND \"type\" = 'SQL'"
            + " ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }

  /** Every version shipped in the jar for this database, in order. */
  private static List<String> shippedVersions(DataSource dataSource) {
    List<String> versions = new ArrayList<>();
    for (var info : Flyway.configure().dataSource(dataSource).locations(JdbcStorage.migrationsFor(dataSource))
        .table("pakketten_schema_history").load().info().all()) {
      if (info.getScript().endsWith(".sql")) { // not the baseline marker
        versions.add(info.getVersion().getVersion());
      }
    }
    return versions;
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** A new, empty database of this kind: on PostgreSQL a CREATE DATABASE on the embedded server. */
  static DataSource newDatabase(Database database) throws SQLException {
    String name = "hostapp_" + DATABASES.incrementAndGet();
    if (database == Database.H2) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
      return h2;
    }
    String url;
    String user;
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
      url = c.getMetaData().getURL();
      user = c.getMetaData().getUserName();
    }
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
    postgres.setUser(user);
    return postgres;
  }
}
