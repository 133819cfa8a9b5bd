package nl.pakketten.mail;

import static nl.pakketten.mail.InvoiceFixtures.DUTCH;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.VatRate;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.RefundCreditNote;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.wallet.RefundId;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refund's credit note as the core prints it ({@link RefundCreditNote#document}), mailed with the
 * default credit-note template and written as an {@code .eml} file: it names the invoice it
 * credits, shows the negative amounts and the VAT of the invoice line's rate, says the amount is
 * transferred (not "no need to pay"), and its PDF says it is a credit note.
 */
class RefundCreditNoteMailTest {
  private static final PracticeId PRACTICE = PracticeId.of("practice-1");
  private static final String ID = "credit_note.F2026-0043.practice-1@pakketten";

  @TempDir
  Path directory;

  /** Invoice F2026-0042: 10 credits exempt for 385.00, 5 credits at 21 % for 100.00; paid. */
  private static ProductInvoice invoice(Locale language) {
    InvoiceDocument.Supplier practice = new InvoiceDocument.Supplier("Praktijk Beweging",
        new PostalAddress("Kanaalweg 17", "3526 KL", "Utrecht", "NL"), "87654321", "NL859912345B01",
        InvoiceFixtures.IBAN, "facturen@beweging.example");
    InvoiceDocument.Customer patient = new InvoiceDocument.Customer(InvoiceFixtures.PATIENT,
        new PostalAddress("Bloemstraat 5", "1016 LS", "Amsterdam", "NL"), "anna@example.nl");
    Instant at = Instant.parse("2026-03-09T09:00:00Z");
    return ValueBuilders.productInvoice().practice(PRACTICE).id(InvoiceId.of("F-42"))
        .patient(PatientId.of("patient-1")).currency(org.joda.money.CurrencyUnit.EUR)
        .addLines(new ProductInvoice.Line(ProductCode.of("PKG-10"), "Pakket 10 behandelingen", 1, eur("385.00"),
            VatRate.EXEMPT, Optional.of("Fysio 10"), 10))
        .addLines(new ProductInvoice.Line(ProductCode.of("MASS-5"), "Massage 5 keer", 1, eur("100.00"),
            VatRate.GENERAL, Optional.of("Massage"), 5))
        .createdAt(at).createdBy(UserId.of("desk-1"))
        .issue(new ProductInvoice.Issue("F2026-0042", LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 23), language,
            practice, patient, at, UserId.of("desk-1")))
        .build();
  }

  private static RefundCreditNote note() {
    return new RefundCreditNote(PRACTICE, "F2026-0043", InvoiceId.of("F-42"), RefundId.of("R-1"),
        LocalDate.of(2026, 6, 1), List.of(
            new RefundCreditNote.Line(1, LotId.of("L1"), 4, eur("154.00")),
            new RefundCreditNote.Line(2, LotId.of("L2"), 2, eur("40.00"))),
        Instant.parse("2026-06-01T10:00:00Z"), UserId.of("owner-1"));
  }

  @Test
  void theDefaultCreditNoteTemplateAndPdfShowARefundsCreditNote() throws Exception {
    DocumentServices documents = PakkettenMail.builder().writingTo(directory.resolve("mail")).build();
    InvoiceDocument document = note().document(invoice(DUTCH));
    DocumentServices.RenderedMail rendered = documents.render(
        documents.defaultTemplate(document.kind(), document.language()), document);

    documents.send(new DocumentServices.OutgoingMail(ID, document.supplier().email(), document.supplier().name(),
        document.customer().email(), rendered, List.of(new DocumentServices.Attachment(document.number() + ".pdf",
            "application/pdf", documents.pdf(document)))));

    MimeMessage message;
    try (InputStream in = Files.newInputStream(directory.resolve("mail").resolve(ID + ".eml"))) {
      message = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(message.getSubject()).isEqualTo("Creditnota F2026-0043 van Praktijk Beweging");
    assertThat(message.getMessageID()).startsWith("<credit_note=2EF2026-0043=2Epractice-1");
    Multipart mixed = (Multipart) message.getContent();
    Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
    String text = (String) alternative.getBodyPart(0).getContent();
    assertThat(text)
        .contains("Hierbij ontvangt u creditnota F2026-0043 van 1 juni 2026. Deze crediteert factuur F2026-0042.")
        .contains("- -1 x Terugbetaling van 4 ongebruikte credits: Pakket 10 behandelingen: € -154,00")
        .contains("- -1 x Terugbetaling van 2 ongebruikte credits: Massage 5 keer: € -40,00")
        // 154.00 exempt, 40.00 + 8.40 VAT at 21 %
        .contains("Totaal: € -202,40")
        .contains("Wij maken het bedrag van deze creditnota aan u over.")
        .doesNotContain("hoeft dat niet meer");
    String html = (String) alternative.getBodyPart(1).getContent();
    assertThat(html).contains("crediteert factuur F2026-0042").contains("€ -202,40")
        .contains("ongebruikte credits van factuur F2026-0042 laten terugbetalen")
        .doesNotContain("hoeft dat niet meer");

    String pdf = InvoicePdfTest.text(mixed.getBodyPart(1).getInputStream().readAllBytes());
    assertThat(pdf)
        .contains("Creditnota")
        .contains("Nummer F2026-0043")
        .contains("Crediteert factuur F2026-0042")
        .contains("Terugbetaling van 4 ongebruikte credits")
        .contains("€ -154,00")
        .contains("€ -8,40")
        .contains("Totaal € -202,40")
        .contains("Vrijgesteld van btw")
        .doesNotContain("Vervaldatum");
  }

  @Test
  void theEnglishDefaultSaysTheAmountIsTransferred() {
    DocumentServices documents = PakkettenMail.builder().writingTo(directory.resolve("mail")).build();
    InvoiceDocument document = note().document(invoice(Locale.ENGLISH));

    DocumentServices.RenderedMail rendered = documents.render(
        documents.defaultTemplate(document.kind(), document.language()), document);

    assertThat(rendered.subject()).isEqualTo("Credit note F2026-0043 from Praktijk Beweging");
    assertThat(rendered.text()).contains("It credits invoice F2026-0042.")
        .contains("Refund of 4 unused credits: Pakket 10 behandelingen")
        .contains("We will transfer the amount of this credit note to you.")
        .doesNotContain("no need to any more");
  }

  @Test
  void aCancellationsCreditNoteKeepsItsOwnText() {
    DocumentServices documents = PakkettenMail.builder().writingTo(directory.resolve("mail")).build();
    InvoiceDocument cancellation = InvoiceFixtures.creditNote(DUTCH);

    String text = documents.render(documents.defaultTemplate(cancellation.kind(), DUTCH), cancellation).text();

    assertThat(cancellation.refund()).isFalse();
    assertThat(text).contains("hoeft dat niet meer").doesNotContain("laten terugbetalen");
  }

  private static Money eur(String amount) {
    return Money.parse("EUR " + amount);
  }
}
