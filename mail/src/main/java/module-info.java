/**
 * Pakketten's document services: e-mail templates rendered with JMustache, the invoice as a PDF
 * (openhtmltopdf), sending by SMTP (Jakarta Mail on Eclipse Angus) and the IBAN check (iban4j).
 * A host builds them with {@link nl.pakketten.mail.PakkettenMail} and hands them to the core with
 * {@code Pakketten.builder().documents(...)}; everything else in this module is package-private.
 */
// PDFBox and openhtmltopdf are automatic modules (no module-info of their own): known, and no risk.
@SuppressWarnings("requires-automatic")
module nl.pakketten.mail {
  requires transitive nl.pakketten.core;
  requires com.samskivert.jmustache;
  requires jakarta.mail;
  requires org.eclipse.angus.mail;
  requires org.iban4j;
  requires org.apache.pdfbox;
  // PDFBox is an automatic module and logs through Commons Logging, an explicit module that nothing
  // else would bring into the module graph.
  requires org.apache.commons.logging;
  // openhtmltopdf ships no module name: these are the names derived from its jar files.
  requires openhtmltopdf.core;
  requires openhtmltopdf.pdfbox;

  exports nl.pakketten.mail;
}
