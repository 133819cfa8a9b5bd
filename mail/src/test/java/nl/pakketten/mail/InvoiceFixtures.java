package nl.pakketten.mail;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.VatRate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Issued documents as the core would hand them over: a package sold with a taxed product, and its credit note. */
final class InvoiceFixtures {
  static final Locale DUTCH = Locale.forLanguageTag("nl");
  static final String IBAN = "NL91ABNA0417164300";
  static final String EXEMPTION = "Vrijgesteld van btw (art. 11 lid 1 sub g Wet OB)";

  /** A name with characters that mean something in HTML, to see them escaped. */
  static final String PATIENT = "Anna <b>de Vries</b> & Zn";

  private InvoiceFixtures() {}

  static InvoiceDocument invoice(Locale language) {
    return document(DocumentKind.PRODUCT_INVOICE, "F2026-0042", 1, language, Optional.empty());
  }

  static InvoiceDocument creditNote(Locale language) {
    return document(DocumentKind.CREDIT_NOTE, "C2026-0007", -1, language, Optional.of("F2026-0042"));
  }

  private static InvoiceDocument document(DocumentKind kind, String number, int sign, Locale language,
      Optional<String> credited) {
    InvoiceDocument.Supplier practice = new InvoiceDocument.Supplier("Praktijk Beweging",
        new PostalAddress("Kanaalweg 17", "3526 KL", "Utrecht", "NL"), "87654321", "NL859912345B01", IBAN,
        "facturen@beweging.example");
    InvoiceDocument.Customer patient = new InvoiceDocument.Customer(PATIENT,
        new PostalAddress("Bloemstraat 5", "1016 LS", "Amsterdam", "NL"), "anna@example.nl");
    List<InvoiceDocument.Line> lines = List.of(
        new InvoiceDocument.Line(1, "PKG-10", "Pakket 10 behandelingen", sign, eur("385.00"), VatRate.EXEMPT,
            eur(sign * 385), eur("0.00"), Optional.of("Fysio 10"), 10),
        new InvoiceDocument.Line(2, "BAND", "Weerstandsband", sign * 2, eur("12.50"), VatRate.GENERAL,
            eur(sign * 25), eur(sign * 5.25), Optional.empty(), 0));
    List<InvoiceDocument.VatTotal> vatTotals = List.of(
        new InvoiceDocument.VatTotal(VatRate.EXEMPT, eur(sign * 385), eur("0.00")),
        new InvoiceDocument.VatTotal(VatRate.GENERAL, eur(sign * 25), eur(sign * 5.25)));
    LocalDate issued = LocalDate.of(2026, 3, 9);
    return new InvoiceDocument(kind, number, issued, kind == DocumentKind.CREDIT_NOTE ? issued : issued.plusDays(14),
        language, practice, patient, lines, vatTotals, eur(sign * 410), eur(sign * 5.25), eur(sign * 415.25),
        Optional.of(EXEMPTION), number, credited);
  }

  private static Money eur(String amount) {
    return Money.parse("EUR " + amount);
  }

  private static Money eur(double amount) {
    return Money.of(CurrencyUnit.EUR, amount);
  }
}
