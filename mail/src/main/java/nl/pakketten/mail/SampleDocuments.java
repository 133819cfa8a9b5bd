package nl.pakketten.mail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.VatRate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The sample documents a template is checked against. A section's body only runs when its value
 * is there, so one sample cannot reach every placeholder: the check renders four — an invoice and a
 * credit note, each once with every optional value (exemption text, credited invoice, a package;
 * the complete credit note is a refund's) and once without.
 */
final class SampleDocuments {
  private static final CurrencyUnit EUR = CurrencyUnit.EUR;

  private SampleDocuments() {}

  static List<InvoiceDocument> all(Locale language) {
    List<InvoiceDocument> samples = new ArrayList<>();
    for (DocumentKind kind : DocumentKind.values()) {
      samples.add(sample(kind, true, language));
      samples.add(sample(kind, false, language));
    }
    return samples;
  }

  private static InvoiceDocument sample(DocumentKind kind, boolean complete, Locale language) {
    InvoiceDocument.Supplier practice = new InvoiceDocument.Supplier("Fysiotherapie De Linde",
        new PostalAddress("Lindelaan 1", "1234 AB", "Utrecht", "NL"), "12345678", "NL001234567B01",
        "NL91ABNA0417164300", "facturen@delinde.example");
    InvoiceDocument.Customer patient = new InvoiceDocument.Customer("Jan Jansen",
        new PostalAddress("Dorpsstraat 2", "5678 CD", "Amersfoort", "NL"), "jan@example.nl");
    int sign = kind == DocumentKind.CREDIT_NOTE ? -1 : 1;
    List<InvoiceDocument.Line> lines = new ArrayList<>();
    lines.add(new InvoiceDocument.Line(1, "FYSIO-10", "10 behandelingen fysiotherapie", sign,
        euros(385), VatRate.EXEMPT, euros(sign * 385), euros(0),
        complete ? Optional.of("Fysio 10") : Optional.empty(), complete ? 10 : 0));
    lines.add(new InvoiceDocument.Line(2, "TAPE", "Sporttape", sign * 2, euros(10), VatRate.GENERAL,
        euros(sign * 20), Money.of(EUR, sign * 4.20), Optional.empty(), 0));
    List<InvoiceDocument.VatTotal> vatTotals = List.of(
        new InvoiceDocument.VatTotal(VatRate.EXEMPT, euros(sign * 385), euros(0)),
        new InvoiceDocument.VatTotal(VatRate.GENERAL, euros(sign * 20), Money.of(EUR, sign * 4.20)));
    LocalDate issued = LocalDate.of(2026, 12, 1);
    return new InvoiceDocument(kind, kind == DocumentKind.CREDIT_NOTE ? "C2026-0001" : "2026-0001", issued,
        issued.plusDays(14), language, practice, patient, lines, vatTotals, euros(sign * 405),
        Money.of(EUR, sign * 4.20), Money.of(EUR, sign * 409.20),
        complete ? Optional.of("Vrijgesteld van btw op grond van artikel 11, lid 1, onderdeel g, Wet OB 1968")
            : Optional.empty(),
        "2026-0001", complete ? Optional.of("2026-0001") : Optional.empty(),
        complete && kind == DocumentKind.CREDIT_NOTE);
  }

  private static Money euros(int amount) {
    return Money.of(EUR, amount);
  }
}
