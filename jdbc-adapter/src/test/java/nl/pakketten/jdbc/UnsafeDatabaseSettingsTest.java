package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcStorage} refuses, when it is built, a database whose settings break the SDK's
 * guarantees, saying which setting and why; the test databases' own settings are accepted.
 */
class UnsafeDatabaseSettingsTest {
  private static DataSource h2(String settings) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:unsafe-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings);
    return ds;
  }

  private static DataSource h2Again(DataSource created, String settings) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(((JdbcDataSource) created).getURL().replace(";IGNORECASE=TRUE", "") + settings);
    return ds;
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations(JdbcStorage.migrationsFor(dataSource))
        .table("pakketten_schema_history").load().migrate();
  }

  private static void execute(DataSource dataSource, String... sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theTestDatabasesAreAccepted() {
    assertThat(JdbcStorage.create(Database.H2.dataSource()).database()).isEqualTo("H2");
    assertThat(JdbcStorage.create(Database.POSTGRESQL.dataSource()).database()).isEqualTo("PostgreSQL");
  }

  @Test
  void h2WithIgnoreCaseTrueIsRefusedNamingTheSettingAndWhy() {
    DataSource dataSource = h2(";IGNORECASE=TRUE");
    migrate(dataSource);

    assertThatThrownBy(() -> JdbcStorage.create(dataSource))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IGNORECASE=TRUE is set")
        .hasMessageContaining("practice 'p1' would read practice 'P1's balances")
        .hasMessageContaining("PAKKETTEN_ALLOCATIONS.PRACTICE_ID")
        .hasMessageContaining("VARCHAR_IGNORECASE");
  }

  @Test
  void h2TablesCreatedUnderIgnoreCaseAreRefusedAfterTheSettingIsGone() {
    DataSource created = h2(";IGNORECASE=TRUE");
    migrate(created);
    DataSource reopened = h2Again(created, ";IGNORECASE=FALSE"); // H2 keeps the setting unless it is switched off

    assertThatThrownBy(() -> JdbcStorage.create(reopened))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("are VARCHAR_IGNORECASE")
        .hasMessageNotContaining("IGNORECASE=TRUE is set");
  }

  @Test
  void h2WithIgnoreCaseTrueOverCaseSensitiveTablesIsRefused() {
    DataSource created = h2("");
    migrate(created);
    DataSource reopened = h2Again(created, ";IGNORECASE=TRUE");

    assertThatThrownBy(() -> JdbcStorage.create(reopened))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IGNORECASE=TRUE is set: every VARCHAR column created from now on")
        .hasMessageNotContaining("are VARCHAR_IGNORECASE");
  }

  @Test
  void h2WithACollationIsRefused() {
    DataSource dataSource = h2("");
    execute(dataSource, "SET COLLATION ENGLISH STRENGTH PRIMARY");
    migrate(dataSource);

    assertThatThrownBy(() -> JdbcStorage.create(dataSource))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("COLLATION ENGLISH STRENGTH PRIMARY is set")
        .hasMessageContaining("'p1' and 'P1'");
  }

  @Test
  void h2ReadUncommittedIsRefused() {
    Database.H2.dataSource();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(Database.H2_URL);
    config.setTransactionIsolation("TRANSACTION_READ_UNCOMMITTED");
    config.setMaximumPoolSize(1);
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      assertThatThrownBy(() -> JdbcStorage.create(dataSource))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("READ UNCOMMITTED")
          .hasMessageContaining("rolls back");
    }
  }

  @Test
  void postgresqlColumnsWithANondeterministicCollationAreRefused() {
    String schema = "unsafe_" + UUID.randomUUID().toString().replace("-", "");
    execute(Database.POSTGRESQL.dataSource(), "CREATE SCHEMA " + schema);
    DataSource dataSource = Database.postgresInSchema(schema);
    migrate(dataSource);
    execute(dataSource,
        "CREATE COLLATION " + schema + ".case_insensitive (provider = icu, locale = 'und-u-ks-level2',"
            + " deterministic = false)",
        "ALTER TABLE pakketten_grant_receipts ALTER COLUMN receipt_key TYPE VARCHAR(64) COLLATE "
            + schema + ".case_insensitive");

    assertThatThrownBy(() -> JdbcStorage.create(dataSource))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PostgreSQL")
        .hasMessageContaining("pakketten_grant_receipts.receipt_key (case_insensitive)")
        .hasMessageContaining("nondeterministic collation");
  }
}
