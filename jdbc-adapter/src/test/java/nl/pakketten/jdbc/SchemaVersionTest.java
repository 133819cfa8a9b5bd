package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A host that upgrades Pakketten but not its schema is stopped at start-up, told which version
 * its database is at and which it needs, rather than failing at the first command that writes
 * what a newer migration added.
 */
class SchemaVersionTest {
  private static void migrateTo(DataSource dataSource, String version) {
    Flyway.configure().dataSource(dataSource).locations(JdbcStorage.migrationsFor(dataSource))
        .table("pakketten_schema_history").target(version).load().migrate();
  }

  @ParameterizedTest
  @CsvSource({"POSTGRESQL, 1, V2", "H2, 1, V2", "POSTGRESQL, 2, V3", "H2, 2, V3", "POSTGRESQL, 3, V4", "H2, 3, V4",
      "POSTGRESQL, 4, V5", "H2, 4, V5", "POSTGRESQL, 5, V6", "H2, 5, V6", "POSTGRESQL, 6, V7", "H2, 6, V7",
      "POSTGRESQL, 7, V8", "H2, 7, V8", "POSTGRESQL, 8, V9", "H2, 8, V9"})
  void aDatabaseLeftAtAnOlderVersionIsRefusedNamingBothVersions(Database database, String at, String next)
      throws SQLException {
    DataSource dataSource = FlywayGuidanceTest.newDatabase(database);
    migrateTo(dataSource, at);

    assertThatThrownBy(() -> JdbcStorage.create(dataSource)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is at version " + at)
        .hasMessageContaining("needs version 9")
        .hasMessageContaining("missing from " + next)
        .hasMessageContaining(JdbcStorage.migrationsFor(dataSource));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aDatabaseWithoutTheTablesIsRefusedNamingTheMigrations(Database database) throws SQLException {
    DataSource dataSource = FlywayGuidanceTest.newDatabase(database);

    assertThatThrownBy(() -> JdbcStorage.create(dataSource)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tables are not in this database")
        .hasMessageContaining(JdbcStorage.migrationsFor(dataSource));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aDatabaseAtTheLatestVersionIsAccepted(Database database) throws SQLException {
    DataSource dataSource = FlywayGuidanceTest.newDatabase(database);
    migrateTo(dataSource, "latest");

    assertThat(JdbcStorage.create(dataSource).database()).isNotEmpty();
  }
}
