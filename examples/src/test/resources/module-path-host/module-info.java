/**
 * A host of the quickstart on the module path: it requires the Pakketten module it uses (the JDBC
 * adapter, which brings the core) and the libraries its own code names; the H2 driver is found as a
 * java.sql.Driver service. No --add-modules.
 */
module pakketten.quickstart {
  requires nl.pakketten.jdbc;
  requires com.zaxxer.hikari;
  requires flyway.core; // flyway-core 13 has no module name: named after its jar
}
