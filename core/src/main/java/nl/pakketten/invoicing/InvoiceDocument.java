package nl.pakketten.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;

/**
 * An issued invoice or credit note as it is printed and mailed: a snapshot that never changes,
 * with everything a Dutch invoice must show. The templates' placeholders and the PDF read this.
 *
 * @param kind invoice or credit note
 * @param number its number in the practice's gapless series
 * @param issueDate the date of issue
 * @param dueDate the payment is due on (an invoice; a credit note: its issue date)
 * @param language the language the patient reads (templates are chosen by it)
 * @param supplier the practice as it was at issue
 * @param customer the patient as they were at issue
 * @param lines the lines, numbered from 1
 * @param vatTotals per VAT rate used: the base and the VAT (an exempt line: base, zero VAT)
 * @param totalExcludingVat the sum of the lines' amounts excluding VAT
 * @param totalVat the sum of the VAT
 * @param total what the patient pays (or, on a credit note, gets back)
 * @param exemptionText the exemption notice printed when a line is exempt
 * @param paymentReference the reference the patient pays with (the invoice number by default)
 * @param creditedInvoiceNumber a credit note: the number of the invoice it credits
 * @param refund whether it is a credit note a refund of unused credits issued (a credit of part
 *     or all of a paid invoice), not the cancellation of an unpaid one
 */
public record InvoiceDocument(
    DocumentKind kind,
    String number,
    LocalDate issueDate,
    LocalDate dueDate,
    Locale language,
    Supplier supplier,
    Customer customer,
    List<Line> lines,
    List<VatTotal> vatTotals,
    Money totalExcludingVat,
    Money totalVat,
    Money total,
    Optional<String> exemptionText,
    String paymentReference,
    Optional<String> creditedInvoiceNumber,
    boolean refund) {
  /**
   * Copies the lists and checks that nothing is missing.
   *
   * @param kind invoice or credit note
   * @param number its number in the practice's gapless series
   * @param issueDate the date of issue
   * @param dueDate the payment is due on (an invoice; a credit note: its issue date)
   * @param language the language the patient reads (templates are chosen by it)
   * @param supplier the practice as it was at issue
   * @param customer the patient as they were at issue
   * @param lines the lines, numbered from 1
   * @param vatTotals per VAT rate used: the base and the VAT (an exempt line: base, zero VAT)
   * @param totalExcludingVat the sum of the lines' amounts excluding VAT
   * @param totalVat the sum of the VAT
   * @param total what the patient pays (or, on a credit note, gets back)
   * @param exemptionText the exemption notice printed when a line is exempt
   * @param paymentReference the reference the patient pays with (the invoice number by default)
   * @param creditedInvoiceNumber a credit note: the number of the invoice it credits
   * @param refund whether it is a credit note a refund issued; only a credit note can be one
   */
  public InvoiceDocument {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(customer, "customer");
    lines = List.copyOf(lines);
    vatTotals = List.copyOf(vatTotals);
    Objects.requireNonNull(totalExcludingVat, "totalExcludingVat");
    Objects.requireNonNull(totalVat, "totalVat");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(exemptionText, "exemptionText");
    Objects.requireNonNull(paymentReference, "paymentReference");
    Objects.requireNonNull(creditedInvoiceNumber, "creditedInvoiceNumber");
    if (refund && kind != DocumentKind.CREDIT_NOTE) {
      throw new IllegalArgumentException("Only a credit note is issued by a refund, not a " + kind);
    }
  }

  /**
   * An invoice, or the credit note of a cancellation: not a refund's.
   *
   * @param kind invoice or credit note
   * @param number its number in the practice's gapless series
   * @param issueDate the date of issue
   * @param dueDate the payment is due on (an invoice; a credit note: its issue date)
   * @param language the language the patient reads (templates are chosen by it)
   * @param supplier the practice as it was at issue
   * @param customer the patient as they were at issue
   * @param lines the lines, numbered from 1
   * @param vatTotals per VAT rate used: the base and the VAT (an exempt line: base, zero VAT)
   * @param totalExcludingVat the sum of the lines' amounts excluding VAT
   * @param totalVat the sum of the VAT
   * @param total what the patient pays (or, on a credit note, gets back)
   * @param exemptionText the exemption notice printed when a line is exempt
   * @param paymentReference the reference the patient pays with (the invoice number by default)
   * @param creditedInvoiceNumber a credit note: the number of the invoice it credits
   */
  public InvoiceDocument(DocumentKind kind, String number, LocalDate issueDate, LocalDate dueDate, Locale language,
      Supplier supplier, Customer customer, List<Line> lines, List<VatTotal> vatTotals, Money totalExcludingVat,
      Money totalVat, Money total, Optional<String> exemptionText, String paymentReference,
      Optional<String> creditedInvoiceNumber) {
    this(kind, number, issueDate, dueDate, language, supplier, customer, lines, vatTotals, totalExcludingVat,
        totalVat, total, exemptionText, paymentReference, creditedInvoiceNumber, false);
  }

  /**
   * The practice as printed.
   *
   * @param name the practice's name
   * @param address its postal address
   * @param kvkNumber its Chamber of Commerce (KvK) number
   * @param vatNumber its VAT number
   * @param iban the account the patient pays to
   * @param email the address invoices are sent from
   */
  public record Supplier(String name, PostalAddress address, String kvkNumber, String vatNumber, String iban,
      String email) {}

  /**
   * The patient as printed.
   *
   * @param name the patient's name
   * @param address their postal address
   * @param email where the invoice is sent
   */
  public record Customer(String name, PostalAddress address, String email) {}

  /**
   * One line.
   *
   * @param number the line number, from 1
   * @param productCode the product sold
   * @param description the product's description
   * @param quantity units sold (negative on a credit note)
   * @param unitPriceExcludingVat the price of one unit excluding VAT
   * @param vatRate the line's VAT treatment
   * @param amountExcludingVat quantity × unit price
   * @param vatAmount the VAT on the amount (zero when exempt)
   * @param packageName the package the product sells, if linked
   * @param credits the credits the line buys (0 when the product sells no package)
   */
  public record Line(int number, String productCode, String description, int quantity,
      Money unitPriceExcludingVat, VatRate vatRate, Money amountExcludingVat, Money vatAmount,
      Optional<String> packageName, int credits) {}

  /**
   * The totals of one VAT rate.
   *
   * @param rate the rate
   * @param base the amount excluding VAT the rate applies to
   * @param vat the VAT
   */
  public record VatTotal(VatRate rate, Money base, Money vat) {}
}
