/**
 * Pakketten's storage over a plain {@link javax.sql.DataSource}, for PostgreSQL and H2: {@link
 * nl.pakketten.jdbc.JdbcStorage}, and {@link nl.pakketten.jdbc.HostTransaction} to join the host's
 * own transactions. The versioned SQL migrations ship in this module and are open to Flyway.
 */
module nl.pakketten.jdbc {
  requires transitive nl.pakketten.core;
  requires transitive java.sql;
  requires org.slf4j;

  exports nl.pakketten.jdbc;

  // The migrations are resources; Flyway (on the class path or the module path) reads them.
  opens nl.pakketten.jdbc.migration.h2;
  opens nl.pakketten.jdbc.migration.postgresql;
}
