package nl.pakketten.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the quickstart as the README does and checks the lines that carry its story, so that the
 * example cannot drift from what the SDK does. Runs of spaces are collapsed before matching, so
 * the table layout may change freely.
 */
class QuickstartTest {
  private static String output;

  @BeforeAll
  static void runQuickstart() {
    output = run();
  }

  @Test
  void aNonOwnerIsRefusedWithTheRuleInTheMessage() {
    assertThat(output).contains("Access denied: user 'ruben' with roles [RECEPTIONIST] may not manage packages"
        + " (only the OWNER role may manage packages)");
  }

  @Test
  void badInputNamesEveryFailingField() {
    assertThat(output).contains("internalRate must not be negative (was 'EUR -5.00'); name must not be blank");
  }

  @Test
  void theOwnerSetsUpTheProfileAndTheInvoiceMail() {
    assertThat(output)
        .contains("Fysiotherapie De Linde 12345678 NL91ABNA0417164300 facturen@fysio-de-linde.example DL{yyyy}-{seq:4}")
        .contains(" Template PRODUCT_INVOICE (nl), subject: Uw rittenkaart bij {{practice.name}}: factuur {{invoiceNumber}}");
  }

  @Test
  void theInvoiceIsCreatedIssuedAndSent() {
    assertThat(output)
        .contains(" Draft F-2026-0001 for sanne: 1 x FYS10 Fysiotherapie 10-rittenkaart, EUR 385.00, VAT EXEMPT")
        .contains(" Issued invoice DL2026-0001, dated 2026-03-02, due 2026-03-16, total EUR 385.00")
        .contains(" Queued the mail with DL2026-0001 to sanne.devries@example.com (the invoice is SENT)")
        .containsPattern("(?m)^ Delivered mail written to .*quickstart-mail.*DL2026-0001.*\\.eml$")
        .containsPattern("(?m)^ PDF written to .*quickstart-mail.*DL2026-0001\\.pdf$");
  }

  @Test
  void theWrittenMailOpensWithTheTemplatesSubjectBothPartsAndTheInvoicePdf() throws Exception {
    Path eml = writtenFile("mail written to (.*\\.eml)");
    Path pdfFile = writtenFile("PDF written to (.*\\.pdf)");
    assertThat(eml.getParent()).isEqualTo(Path.of("target", "quickstart-mail").toAbsolutePath());
    assertThat(pdfFile.getParent()).isEqualTo(eml.getParent());

    MimeMessage message;
    try (InputStream in = Files.newInputStream(eml)) {
      message = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(message.getSubject()).isEqualTo("Uw rittenkaart bij Fysiotherapie De Linde: factuur DL2026-0001");
    assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("sanne.devries@example.com");
    Multipart mixed = (Multipart) message.getContent();
    Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) alternative.getBodyPart(0).getContent()).contains("Sanne de Vries").contains("DL2026-0001");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    BodyPart pdf = mixed.getBodyPart(1);
    assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(pdf.getFileName()).isEqualTo("DL2026-0001.pdf");
    byte[] attached = pdf.getInputStream().readAllBytes();
    assertThat(text(attached)).contains("DL2026-0001").contains("Sanne de Vries").contains("NL91ABNA0417164300");
    assertThat(Files.readAllBytes(pdfFile)).isEqualTo(attached);
  }

  @Test
  void givenSmtpSettingsTheInvoiceIsSentBySmtpInstead() throws Exception {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    try {
      int port = server.getSmtp().getPort();
      System.setProperty("pakketten.smtp.host", "127.0.0.1");
      System.setProperty("pakketten.smtp.port", Integer.toString(port));
      System.setProperty("pakketten.smtp.starttls", "false");

      String bySmtp = run();

      assertThat(bySmtp)
          .contains(" Queued the mail with DL2026-0001 to sanne.devries@example.com (the invoice is SENT)")
          .contains(" Delivered by SMTP through 127.0.0.1:" + port + " to sanne.devries@example.com")
          .doesNotContain("mail written to");
      MimeMessage[] received = server.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(received[0].getSubject()).isEqualTo("Uw rittenkaart bij Fysiotherapie De Linde: factuur DL2026-0001");
      assertThat(((Multipart) received[0].getContent()).getBodyPart(1).getFileName()).isEqualTo("DL2026-0001.pdf");
    } finally {
      System.clearProperty("pakketten.smtp.host");
      System.clearProperty("pakketten.smtp.port");
      System.clearProperty("pakketten.smtp.starttls");
      server.stop();
    }
  }

  @Test
  void aPaymentDeliveredTwiceGrantsItsCreditsOnce() {
    assertThat(output)
        .containsPattern("(?m) Paid EUR 385\\.00 on 2026-03-02 \\(ONLINE, IDEAL-7731\\): invoice DL2026-0001 PAID$")
        .contains(" Paid EUR 385.00 on 2026-03-02 (ONLINE, IDEAL-7731): invoice DL2026-0001 PAID (replay; registered once)")
        .contains(" Granted 10 credits in lot L1 (EUR 385.00 deferred)")
        .contains(" AlreadyGranted 10 credits in lot L1 (EUR 385.00 deferred); nothing new granted")
        .contains("Sanne's balance: 10 credits. The credits were granted once.");
  }

  @Test
  void anImportKeepsItsReason() {
    assertThat(output)
        .contains(" Imported 2 credits in lot L2 at EUR 35.00 per credit, EUR 70.00 deferred")
        .contains("IMPORTED +2 L2 anna Unused credits carried over from the previous system import:IMP-2026-0007");
  }

  @Test
  void creditsAreSpentEarliestExpiryFirstAndGivenBackToTheirLots() {
    assertThat(output)
        .contains("A-1000 sanne intake 2026-03-03 09:00 NotCovered - - -")
        .contains("A-1002 sanne fysio-60 2026-03-10 09:00 Covered 2 L2 (1), L1 (1) EUR 73.50")
        .contains(" GivenBack 2 credits back to L2 (1), L1 (1)")
        .contains(" GivenBack 2 credits back to L2 (1), L1 (1) (replay; nothing given back now)");
  }

  @Test
  void theLastCreditOfALotTakesTheRemainderOfItsValue() {
    assertThat(output)
        .contains("B-2003 bram fysio-30 2026-03-20 14:00 Covered 1 L3 (1) EUR 23.00")
        .contains("L3 bram invoice:F-2026-0002#1 3 0 EUR 38.50 EUR 100.00 EUR 100.00");
  }

  @Test
  void aShortfallIsRejectedOrRecordedUncoveredByPolicy() {
    assertThat(output)
        .contains("Insufficient credits: patient 'bram' has 0 spendable credits of package 'fysio-rittenkaart',"
            + " the appointment costs 1")
        .contains("B-2004 bram fysio-30 2026-03-27 14:00 Uncovered 0 of 1 - -");
  }

  @Test
  void balancesLotsAndRevenueAddUp() {
    assertThat(output)
        .contains("sanne fysio-rittenkaart 10")
        .contains("bram fysio-rittenkaart 0")
        .contains("L1 sanne invoice:F-2026-0001#1 10 9 EUR 38.50 EUR 385.00 EUR 38.50 - ruben")
        .contains("8010 EUR 173.50")
        .contains("fysio-rittenkaart EUR 381.50");
  }

  @Test
  void theRollForwardAndTheStatementTieOutToTheJournalAndTheBalance() {
    assertThat(output)
        .contains("sold EUR 485.00")
        .contains("recognised EUR -247.00")
        .contains("given back EUR 73.50")
        .contains("Item 1710: opening EUR 0.00 + movements EUR 381.50 = closing EUR 381.50; the journal's deferred"
            + " balance on 2026-04-01 is EUR 381.50.")
        .contains("2026-03-02 10:15 GRANTED +10 EUR 385.00 10 EUR 385.00")
        .contains("2026-03-04 16:45 GIVEN_BACK +1 EUR 38.50 10 EUR 381.50")
        .contains("Closing: 10 credits worth EUR 381.50; balance() says 10.");
  }

  @Test
  void theHostReceivesEventsOnlyForChanges() {
    assertThat(output)
        .contains("CreditsGranted ruben sanne: +10 credits, lot L1 (invoice:F-2026-0001#1)")
        .contains("InvoiceIssued ruben F-2026-0001 as DL2026-0001, EUR 385.00")
        .contains("InvoicePaid ruben F-2026-0001 paid in full, 10 credits granted")
        .contains("CreditsGivenBack ruben sanne: +1 credit, lot L1 (appointment:A-1002)")
        .contains("AppointmentChanged ruben B-2004 of bram: SCHEDULED, UNCOVERED");
    assertThat(output.lines().filter(l -> l.contains(" CreditsGranted ")).count()).isEqualTo(2);
  }

  @Test
  void printsTheSameStoryEveryRun() {
    assertThat(run()).isEqualTo(output);
  }

  @Test
  void tellsTheSameStoryOnPostgreSqlGivenItsJdbcUrl() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      String onPostgres = run(postgres.getJdbcUrl("postgres", "postgres"));

      assertThat(onPostgres).contains("(JDBC adapter on PostgreSQL; times are Europe/Amsterdam)");
      assertThat(onPostgres.lines().skip(2).toList()).isEqualTo(output.lines().skip(2).toList());
    }
  }

  /** The file whose path the output's line matching {@code pattern} names. */
  private static Path writtenFile(String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(output);
    assertThat(m.find()).as("the output names a file: %s", pattern).isTrue();
    Path file = Path.of(m.group(1));
    assertThat(file).isRegularFile();
    return file;
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  /** Runs {@link Quickstart#main} and returns what it printed, with runs of spaces collapsed. */
  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, UTF_8)) {
      System.setOut(capture);
      Quickstart.main(args);
    } finally {
      System.setOut(original);
    }
    return buffer.toString(UTF_8).replaceAll(" {2,}", " ");
  }
}
