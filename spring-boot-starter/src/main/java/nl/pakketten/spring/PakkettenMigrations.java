package nl.pakketten.spring;

import javax.sql.DataSource;
import nl.pakketten.jdbc.JdbcStorage;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the SDK's migrations with a Flyway of their own, the one way docs/schema.md gives: their
 * own history table, so that the SDK's {@code V1} does not collide with the application's, and a
 * baseline at {@code 0}, so that in a schema already holding the application's tables every shipped
 * version still runs (a baseline at Flyway's default {@code 1} would skip the SDK's {@code V1}).
 *
 * <p>Not a {@code Flyway} bean: Spring Boot's own Flyway backs off when one exists, and the
 * application's migrations would silently never run. The bean is declared to depend on database
 * initialization, so Spring Boot runs the application's Flyway (its {@code flywayInitializer}) first:
 * the application's Flyway then always meets either an empty schema or its own history table.
 */
final class PakkettenMigrations implements InitializingBean {
  private final DataSource dataSource;
  private final String table;

  PakkettenMigrations(DataSource dataSource, String table) {
    this.dataSource = dataSource;
    this.table = table;
  }

  @Override
  public void afterPropertiesSet() {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(JdbcStorage.migrationsFor(dataSource))
        .table(table)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
