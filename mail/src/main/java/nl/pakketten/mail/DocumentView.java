package nl.pakketten.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.PostalAddress;

/**
 * The placeholders of the e-mail templates and the PDF: an {@link InvoiceDocument} as maps of
 * formatted text, in the patient's language. Every key is always present (an absent optional value
 * is the empty string, which a section treats as false), so a template that names an unknown key
 * fails instead of printing nothing. The table in {@code docs/mail.md} lists every key; keep them
 * in step.
 */
final class DocumentView {
  private DocumentView() {}

  static Map<String, Object> of(InvoiceDocument document) {
    Language language = Language.of(document.language());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("kind", language.kind(document.kind()));
    view.put("creditNote", document.kind() == DocumentKind.CREDIT_NOTE);
    view.put("refund", document.refund());
    view.put("invoiceNumber", document.number());
    view.put("issueDate", language.date(document.issueDate()));
    view.put("dueDate", language.date(document.dueDate()));
    view.put("paymentReference", document.paymentReference());
    view.put("creditedInvoiceNumber", document.creditedInvoiceNumber().orElse(""));
    view.put("exemptionText", document.exemptionText().orElse(""));

    InvoiceDocument.Customer customer = document.customer();
    Map<String, Object> patient = address(customer.address());
    patient.put("name", customer.name());
    patient.put("email", customer.email());
    view.put("patient", patient);

    InvoiceDocument.Supplier supplier = document.supplier();
    Map<String, Object> practice = address(supplier.address());
    practice.put("name", supplier.name());
    practice.put("kvkNumber", supplier.kvkNumber());
    practice.put("vatNumber", supplier.vatNumber());
    practice.put("iban", supplier.iban());
    practice.put("email", supplier.email());
    view.put("practice", practice);

    view.put("lines", document.lines().stream().map(line -> line(line, language)).toList());
    view.put("packages", document.lines().stream()
        .filter(line -> line.packageName().isPresent())
        .map(line -> Map.<String, Object>of("packageName", line.packageName().get(), "credits", line.credits()))
        .toList());
    view.put("vatTotals", document.vatTotals().stream()
        .map(total -> Map.<String, Object>of(
            "vatRate", language.vatRate(total.rate()),
            "base", language.money(total.base()),
            "vat", language.money(total.vat())))
        .toList());
    view.put("totalExcludingVat", language.money(document.totalExcludingVat()));
    view.put("totalVat", language.money(document.totalVat()));
    view.put("total", language.money(document.total()));
    return view;
  }

  private static Map<String, Object> line(InvoiceDocument.Line line, Language language) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("number", line.number());
    view.put("productCode", line.productCode());
    view.put("description", line.description());
    view.put("quantity", line.quantity());
    view.put("unitPrice", language.money(line.unitPriceExcludingVat()));
    view.put("vatRate", language.vatRate(line.vatRate()));
    view.put("amount", language.money(line.amountExcludingVat()));
    view.put("vatAmount", language.money(line.vatAmount()));
    view.put("packageName", line.packageName().orElse(""));
    view.put("credits", line.credits());
    return view;
  }

  private static Map<String, Object> address(PostalAddress address) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("street", address.street());
    view.put("postalCode", address.postalCode());
    view.put("city", address.city());
    view.put("country", address.countryCode());
    // One line for running text; the country only when it is not the Netherlands.
    view.put("address", address.street() + ", " + address.postalCode() + " " + address.city()
        + ("NL".equals(address.countryCode()) ? "" : ", " + address.countryCode()));
    return view;
  }
}
