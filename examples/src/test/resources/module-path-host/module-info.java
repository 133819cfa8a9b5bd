/**
 * A host of the quickstart on the module path: it requires the Pakketten modules it uses (the JDBC
 * adapter, which brings the core, and the mail module with Jakarta Mail) and the libraries its own
 * code names; the H2 driver is found as a java.sql.Driver service. No --add-modules.
 */
module pakketten.quickstart {
  requires nl.pakketten.jdbc;
  // The mail jar is an automatic module (its Automatic-Module-Name): it cannot require what it uses,
  // and an automatic module brings in no named module, so the host names the named ones it uses
  // (Angus, Jakarta Mail's SMTP provider, follows as a service). openhtmltopdf and PDFBox are
  // automatic modules and come along with it.
  requires nl.pakketten.mail;
  requires jakarta.mail;
  requires com.samskivert.jmustache;
  requires org.iban4j;
  requires org.apache.commons.logging; // PDFBox logs through it
  requires jdk.unsupported; // and frees its buffers with sun.misc.Unsafe, which the class path resolves by default
  requires com.zaxxer.hikari;
  requires flyway.core; // flyway-core 13 has no module name: named after its jar
}
