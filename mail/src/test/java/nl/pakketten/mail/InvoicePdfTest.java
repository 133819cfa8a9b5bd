package nl.pakketten.mail;

import static nl.pakketten.mail.InvoiceFixtures.DUTCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import nl.pakketten.spi.DocumentServices;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {
  private final DocumentServices documents = PakkettenMail.builder().smtp("localhost", 25).build();

  /** The PDF's text as PDFBox reads it, with runs of white space as one space. */
  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void aDutchInvoiceShowsWhatTheLawAsks() throws IOException {
    String text = text(documents.pdf(InvoiceFixtures.invoice(DUTCH)));

    assertThat(text)
        .contains("Factuur")
        .contains("Nummer F2026-0042")
        .contains("Datum 9 maart 2026")
        // the supplier: name, address, VAT and KvK numbers, and the account to pay to
        .contains("Praktijk Beweging")
        .contains("Kanaalweg 17")
        .contains("3526 KL Utrecht")
        .contains("Btw-nummer: NL859912345B01")
        .contains("KvK-nummer: 87654321")
        .contains("IBAN: NL91ABNA0417164300")
        // the patient
        .contains(InvoiceFixtures.PATIENT)
        .contains("Bloemstraat 5")
        .contains("1016 LS Amsterdam")
        // per line: description, quantity, unit price, VAT rate, amount excluding VAT
        .contains("Pakket 10 behandelingen 1 € 385,00 vrijgesteld € 385,00")
        .contains("Weerstandsband 2 € 12,50 21% € 25,00")
        // totals: excluding VAT, per rate, the exemption, the total
        .contains("Totaal excl. btw € 410,00")
        .contains("Btw vrijgesteld over € 385,00 € 0,00")
        .contains("Btw 21% over € 25,00 € 5,25")
        .contains("Totaal € 415,25")
        .contains(InvoiceFixtures.EXEMPTION)
        // when and how to pay
        .contains("Vervaldatum 23 maart 2026")
        .contains("Betalingskenmerk F2026-0042")
        .doesNotContain("Creditnota");
  }

  @Test
  void aCreditNoteSaysSoAndNamesTheInvoiceItCredits() throws IOException {
    String text = text(documents.pdf(InvoiceFixtures.creditNote(DUTCH)));

    assertThat(text)
        .contains("Creditnota")
        .contains("Nummer C2026-0007")
        .contains("Crediteert factuur F2026-0042")
        .contains("Deze creditnota crediteert factuur F2026-0042.")
        .contains("Totaal € -415,25")
        .doesNotContain("Vervaldatum");
  }

  @Test
  void anEnglishInvoiceHasEnglishLabelsAndFormats() throws IOException {
    String text = text(documents.pdf(InvoiceFixtures.invoice(Locale.ENGLISH)));

    assertThat(text)
        .contains("Invoice")
        .contains("Date 9 March 2026")
        .contains("Due date 23 March 2026")
        .contains("VAT number: NL859912345B01")
        .contains("Total €415.25");
  }

  @Test
  void theSameDocumentGivesTheSameBytesDatedByItsIssueDate() throws IOException {
    byte[] first = documents.pdf(InvoiceFixtures.invoice(DUTCH));
    byte[] second = documents.pdf(InvoiceFixtures.invoice(DUTCH));

    assertThat(second).isEqualTo(first);
    try (PDDocument pdf = Loader.loadPDF(first)) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      LocalDate created = info.getCreationDate().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
      assertThat(created).isEqualTo(LocalDate.of(2026, 3, 9));
      assertThat(info.getProducer()).isEqualTo("Pakketten");
      assertThat(info.getTitle()).isEqualTo("F2026-0042");
    }
  }
}
