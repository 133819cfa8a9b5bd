package nl.pakketten.spring;

import static nl.pakketten.spring.EmbeddedDatabases.appliedVersions;
import static nl.pakketten.spring.EmbeddedDatabases.tableExists;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import nl.pakketten.Pakketten;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.jdbc.JdbcStorage;
import nl.pakketten.spi.Storage;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Start-up as a host application meets it, with Spring Boot's own Flyway on the class path: with
 * and without migrations of the host's own, in an empty schema, a schema holding the host's tables,
 * and again on the next start; and the starter backing off for the host's own beans.
 */
class StartupTest {
  private static final List<String> SHIPPED = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");

  @Test
  void theHostsMigrationsAndTheSdksRunSideBySideInTheirOwnHistories() throws SQLException {
    String url = EmbeddedDatabases.newDatabase();

    try (ConfigurableApplicationContext context = start(Host.class, url, "spring.flyway.locations=classpath:db/host")) {
      Story.setUp(context.getBean(Pakketten.class));
      assertThat(Story.sell(context.getBean(Pakketten.class), "INV-1")).isNotNull();
    }

    try (Connection c = connect(url)) {
      assertThat(appliedVersions(c, "flyway_schema_history")).containsExactly("1", "2");
      assertThat(appliedVersions(c, "pakketten_schema_history")).isEqualTo(SHIPPED);
      assertThat(tableExists(c, "host_orders")).isTrue();
      assertThat(tableExists(c, "pakketten_lots")).isTrue();
    }
  }

  @Test
  void withoutHostMigrationsTheSdksStillRun() throws SQLException {
    String url = EmbeddedDatabases.newDatabase();

    try (ConfigurableApplicationContext context = start(Host.class, url, "spring.flyway.locations=classpath:db/none")) {
      Story.setUp(context.getBean(Pakketten.class));
      assertThat(Story.balance(context.getBean(Pakketten.class))).isZero();
    }

    try (Connection c = connect(url)) {
      // Boot's Flyway ran first and created its (empty) history, so host migrations added in a
      // later release still run (next test).
      assertThat(tableExists(c, "flyway_schema_history")).isTrue();
      assertThat(appliedVersions(c, "flyway_schema_history")).isEmpty();
      assertThat(appliedVersions(c, "pakketten_schema_history")).isEqualTo(SHIPPED);
    }
  }

  @Test
  void withoutBootsFlywayTheSdksStillRun() throws SQLException {
    String url = EmbeddedDatabases.newDatabase();

    try (ConfigurableApplicationContext context = start(Host.class, url, "spring.flyway.enabled=false")) {
      Story.setUp(context.getBean(Pakketten.class));
    }

    try (Connection c = connect(url)) {
      assertThat(tableExists(c, "flyway_schema_history")).isFalse();
      assertThat(appliedVersions(c, "pakketten_schema_history")).isEqualTo(SHIPPED);
    }
  }

  @Test
  void aSchemaAlreadyHoldingTheHostsTablesGetsEverySdkMigration() throws SQLException {
    // The trap of issue 12: a non-empty schema without the SDK's history. A baseline at Flyway's
    // default 1 would skip the SDK's V1; the starter baselines at 0.
    String url = EmbeddedDatabases.newDatabase();
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE legacy_patients (id INT PRIMARY KEY)");
    }

    try (ConfigurableApplicationContext context = start(Host.class, url, "spring.flyway.enabled=false")) {
      Story.setUp(context.getBean(Pakketten.class));
    }

    try (Connection c = connect(url)) {
      assertThat(appliedVersions(c, "pakketten_schema_history")).isEqualTo(SHIPPED);
    }
  }

  @Test
  void theNextStartUpsFindNothingToDoAndHostMigrationsAddedLaterStillRun() throws SQLException {
    String url = EmbeddedDatabases.newDatabase();
    start(Host.class, url, "spring.flyway.locations=classpath:db/none").close();
    start(Host.class, url, "spring.flyway.locations=classpath:db/none").close();

    // The host adds its first migrations in a later release, to a schema that holds the SDK's tables.
    try (ConfigurableApplicationContext context = start(Host.class, url, "spring.flyway.locations=classpath:db/host")) {
      Story.setUp(context.getBean(Pakketten.class));
    }

    try (Connection c = connect(url)) {
      assertThat(appliedVersions(c, "flyway_schema_history")).containsExactly("1", "2");
      assertThat(appliedVersions(c, "pakketten_schema_history")).isEqualTo(SHIPPED);
    }
  }

  @Test
  void theHostsOwnPakkettenBeanWins() {
    try (ConfigurableApplicationContext context = start(HostWithItsOwnPakketten.class, EmbeddedDatabases.newDatabase())) {
      assertThat(context.getBeansOfType(Pakketten.class)).containsOnlyKeys("myPakketten");
    }
  }

  @Test
  void theHostsOwnStorageWinsAndNoTablesAreCreated() throws SQLException {
    String url = EmbeddedDatabases.newDatabase();
    try (ConfigurableApplicationContext context = start(HostWithItsOwnStorage.class, url)) {
      assertThat(context.getBeansOfType(Storage.class)).containsOnlyKeys("myStorage");
      assertThat(context.getBeansOfType(JdbcStorage.class)).isEmpty();
      Pakketten pakketten = context.getBean(Pakketten.class);
      Story.setUp(pakketten);
      assertThat(pakketten.findPackage(Story.PRACTICE, Story.CARD)).isPresent();
    }
    try (Connection c = connect(url)) {
      assertThat(tableExists(c, "pakketten_schema_history")).isFalse();
    }
  }

  @Test
  void migrationsSwitchedOffLeaveTheSchemaToTheHost() throws SQLException {
    String url = EmbeddedDatabases.newDatabase();

    // No tables: JdbcStorage's schema check stops the start-up and names what to apply.
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
        () -> start(Host.class, url, "pakketten.flyway.enabled=false").close()))
        .rootCause().hasMessageContaining("nl/pakketten/jdbc/migration/postgresql");

    try (Connection c = connect(url)) {
      assertThat(tableExists(c, "pakketten_schema_history")).isFalse();
    }
  }

  @Test
  void withoutFlywayOnTheClassPathTheStarterLeavesTheSchemaAloneAndStillStarts() {
    // The SDK's tables applied by someone else (here: this test's own Flyway, as a DBA would).
    String url = EmbeddedDatabases.newDatabase();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser("postgres");
    org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations(JdbcStorage.POSTGRESQL_MIGRATIONS)
        .table("pakketten_schema_history").load().migrate();

    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PakkettenAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader("org.flywaydb"))
        .withBean(DataSource.class, () -> dataSource)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(Pakketten.class).hasSingleBean(JdbcStorage.class)
              .doesNotHaveBean(PakkettenMigrations.class);
          Story.setUp(context.getBean(Pakketten.class));
        });
  }

  static ConfigurableApplicationContext start(Class<?> host, String url, String... properties) {
    return new SpringApplicationBuilder(host)
        .web(WebApplicationType.NONE)
        .properties("spring.datasource.url=" + url, "spring.datasource.username=postgres")
        .properties(properties)
        .run();
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  /** A host with nothing of its own: Spring Boot's auto-configuration only. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Host {}

  /** A host that builds its own {@code Pakketten}; the starter's storage is still there to use. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class HostWithItsOwnPakketten {
    @Bean
    Pakketten myPakketten(Storage storage) {
      return Pakketten.builder().storage(storage).build();
    }
  }

  /** A host that keeps the SDK's data elsewhere (here: in memory). */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class HostWithItsOwnStorage {
    @Bean
    Storage myStorage() {
      return InMemoryStorage.create();
    }
  }
}
