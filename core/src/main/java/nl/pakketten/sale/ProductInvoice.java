package nl.pakketten.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.internal.style.Makers;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.VatRate;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A product invoice: a draft of lines, then issued with a number and a snapshot of the practice and
 * patient, sent, paid. Its state follows from what happened to it ({@link #state()}); once issued
 * its lines, number and snapshot never change, and it is never deleted: an unpaid one is cancelled
 * by a credit note with its own number.
 */
@Value.Immutable
public abstract class ProductInvoice {
  ProductInvoice() {}

  /** {@return the practice} */
  public abstract PracticeId practice();

  /** {@return the host's id of the invoice; creating it is idempotent on it} */
  public abstract InvoiceId id();

  /** {@return the patient it is for} */
  public abstract PatientId patient();

  /** {@return the currency of every amount on it} */
  public abstract CurrencyUnit currency();

  /** {@return the lines, in the order given} */
  public abstract List<Line> lines();

  /** {@return when the draft was created} */
  public abstract Instant createdAt();

  /** {@return who created the draft} */
  public abstract UserId createdBy();

  /** {@return the number, dates and snapshot, once issued} */
  public abstract Optional<Issue> issue();

  /** {@return when it was last mailed, if ever} */
  public abstract Optional<Instant> sentAt();

  /** {@return the payments registered, in the order registered} */
  public abstract List<InvoicePayment> payments();

  /** {@return the credit note that cancelled it, if one did} */
  public abstract Optional<Cancellation> cancellation();

  /**
   * A line: a product, its quantity and price, as they were when the draft was made.
   *
   * @param productCode the product
   * @param description the product's description
   * @param quantity units, at least 1
   * @param unitPrice the price of one unit excluding VAT
   * @param vatRate the product's VAT treatment
   * @param packageName the package the product sells, if linked
   * @param credits the credits the line buys (0 for an unlinked product)
   */
  public record Line(ProductCode productCode, String description, int quantity, Money unitPrice, VatRate vatRate,
      Optional<String> packageName, int credits) {
    /**
     * Checks the quantity and price.
     *
     * @param productCode the product
     * @param description the product's description
     * @param quantity units, at least 1
     * @param unitPrice the price of one unit excluding VAT
     * @param vatRate the product's VAT treatment
     * @param packageName the package the product sells, if linked
     * @param credits the credits the line buys (0 for an unlinked product)
     */
    public Line {
      Objects.requireNonNull(productCode, "productCode");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(vatRate, "vatRate");
      Objects.requireNonNull(packageName, "packageName");
      if (quantity < 1) {
        throw InvalidInputException.of("quantity", quantity, "must be at least 1");
      }
      if (unitPrice.isNegative()) {
        throw InvalidInputException.of("unitPrice", unitPrice, "must not be negative");
      }
    }

    /**
     * The line's amount excluding VAT: quantity × unit price; the deferred value of the lot it grants.
     *
     * @return the amount
     */
    public Money amount() {
      return unitPrice.multipliedBy(quantity);
    }

    /**
     * The VAT on the amount, rounded half up to the cent (zero when exempt).
     *
     * @return the VAT
     */
    public Money vat() {
      return amount().multipliedBy(vatRate.percentage().movePointLeft(2), RoundingMode.HALF_UP);
    }
  }

  /**
   * What issuing fixed: the number and dates, and the practice and patient as they were.
   *
   * @param number the number in the practice's series
   * @param issueDate the date of issue
   * @param dueDate the date payment is due
   * @param language the language the patient reads
   * @param supplier the practice as printed
   * @param customer the patient as printed
   * @param at when it was issued
   * @param by who issued it
   */
  public record Issue(String number, LocalDate issueDate, LocalDate dueDate, Locale language,
      InvoiceDocument.Supplier supplier, InvoiceDocument.Customer customer, Instant at, UserId by) {
    /**
     * The same issue with another number: for a storage that learns the number only as it stores
     * the issue.
     *
     * @param number the number in the practice's series
     * @return the issue, numbered
     */
    public Issue withNumber(String number) {
      return new Issue(number, issueDate, dueDate, language, supplier, customer, at, by);
    }
  }

  /**
   * The credit note that cancelled an invoice.
   *
   * @param creditNoteNumber its number, from the same series as the invoices
   * @param date its date
   * @param at when it was made
   * @param by who made it
   */
  public record Cancellation(String creditNoteNumber, LocalDate date, Instant at, UserId by) {}

  /**
   * Where the invoice is in its life, as follows from what happened to it.
   *
   * @return the state
   */
  public InvoiceState state() {
    if (cancellation().isPresent()) {
      return InvoiceState.CANCELLED;
    }
    if (issue().isEmpty()) {
      return InvoiceState.DRAFT;
    }
    if (!payments().isEmpty()) {
      return paid().isLessThan(total()) ? InvoiceState.PARTIALLY_PAID : InvoiceState.PAID;
    }
    return sentAt().isPresent() ? InvoiceState.SENT : InvoiceState.ISSUED;
  }

  /**
   * The sum of the lines' amounts excluding VAT.
   *
   * @return the total excluding VAT
   */
  public Money totalExcludingVat() {
    return lines().stream().map(Line::amount).reduce(Money.zero(currency()), Money::plus);
  }

  /**
   * The sum of the lines' VAT.
   *
   * @return the VAT
   */
  public Money totalVat() {
    return lines().stream().map(Line::vat).reduce(Money.zero(currency()), Money::plus);
  }

  /**
   * What the patient pays: the total excluding VAT plus the VAT.
   *
   * @return the total
   */
  public Money total() {
    return totalExcludingVat().plus(totalVat());
  }

  /**
   * The sum of the payments registered.
   *
   * @return what was paid
   */
  public Money paid() {
    return payments().stream().map(InvoicePayment::amount).reduce(Money.zero(currency()), Money::plus);
  }

  /**
   * What was paid beyond the total; zero when not overpaid. It is recorded, never granted.
   *
   * @return the overpayment
   */
  public Money overpaid() {
    Money over = paid().minus(total());
    return over.isPositive() ? over : Money.zero(currency());
  }

  /**
   * What is still to be paid; zero when paid in full.
   *
   * @return the amount outstanding
   */
  public Money outstanding() {
    Money left = total().minus(paid());
    return left.isPositive() ? left : Money.zero(currency());
  }

  /**
   * The invoice as printed and mailed, once issued.
   *
   * @return the document, empty for a draft
   */
  public Optional<InvoiceDocument> document() {
    return issue().map(i -> document(DocumentKind.PRODUCT_INVOICE, i.number(), i.issueDate(), i.dueDate(), 1,
        Optional.empty()));
  }

  /**
   * The credit note that cancelled it: its lines negated, its own number, the invoice's number as
   * the one it credits.
   *
   * @return the credit note, empty unless cancelled
   */
  public Optional<InvoiceDocument> creditNote() {
    return cancellation().flatMap(c -> issue().map(i -> document(DocumentKind.CREDIT_NOTE, c.creditNoteNumber(),
        c.date(), c.date(), -1, Optional.of(i.number()))));
  }

  private InvoiceDocument document(DocumentKind kind, String number, LocalDate date, LocalDate due, int sign,
      Optional<String> credited) {
    Issue issue = issue().orElseThrow();
    List<InvoiceDocument.Line> printed = new ArrayList<>();
    Map<VatRate, Money[]> perRate = new EnumMap<>(VatRate.class);
    for (int i = 0; i < lines().size(); i++) {
      Line l = lines().get(i);
      Money amount = l.amount().multipliedBy(sign);
      Money vat = l.vat().multipliedBy(sign);
      printed.add(new InvoiceDocument.Line(i + 1, l.productCode().value(), l.description(), sign * l.quantity(),
          l.unitPrice(), l.vatRate(), amount, vat, l.packageName(), sign * l.credits()));
      Money[] sums = perRate.computeIfAbsent(l.vatRate(), r -> new Money[] {Money.zero(currency()),
          Money.zero(currency())});
      sums[0] = sums[0].plus(amount);
      sums[1] = sums[1].plus(vat);
    }
    List<InvoiceDocument.VatTotal> vatTotals = new ArrayList<>();
    perRate.forEach((rate, sums) -> vatTotals.add(new InvoiceDocument.VatTotal(rate, sums[0], sums[1])));
    Optional<String> exemption = perRate.containsKey(VatRate.EXEMPT)
        ? Optional.of(exemptionText(issue.language())) : Optional.empty();
    return new InvoiceDocument(kind, number, date, due, issue.language(), issue.supplier(), issue.customer(),
        printed, vatTotals, totalExcludingVat().multipliedBy(sign), totalVat().multipliedBy(sign),
        total().multipliedBy(sign), exemption, issue.number(), credited);
  }

  /**
   * The notice a document with exempt lines prints, in Dutch or (any other language) English.
   *
   * @param language the document's language
   * @return the notice
   */
  public static String exemptionText(Locale language) {
    return language.getLanguage().equals("nl")
        ? "Vrijgesteld van btw op grond van artikel 11, lid 1, onderdeel g, Wet OB 1968 (medische zorg)."
        : "Exempt from VAT under article 11(1)(g) of the Dutch VAT Act 1968 (medical care).";
  }

  @Value.Check
  void check() {
    for (Line line : lines()) {
      if (!line.unitPrice().getCurrencyUnit().equals(currency())) {
        throw InvalidInputException.of("currency", line.unitPrice(), "must be " + currency()
            + ", the invoice's currency, not " + line.unitPrice().getCurrencyUnit());
      }
    }
    for (InvoicePayment p : payments()) {
      if (!p.amount().getCurrencyUnit().equals(currency())) {
        throw InvalidInputException.of("amount", p.amount(), "must be in " + currency() + ", the invoice's currency");
      }
    }
    if (issue().isPresent() && lines().isEmpty()) {
      throw new IllegalStateException("Invoice " + id() + " is issued without lines");
    }
    if (issue().isEmpty() && (sentAt().isPresent() || !payments().isEmpty() || cancellation().isPresent())) {
      throw new IllegalStateException("Invoice " + id() + " is a draft but was sent, paid or cancelled");
    }
    if (cancellation().isPresent() && !payments().isEmpty()) {
      throw new IllegalStateException("Invoice " + id() + " is cancelled but has payments");
    }
  }

  static {
    Makers.register(Builder.class, Builder::new);
  }

  /**
   * Builds a {@link ProductInvoice}; {@code build()} checks its invariants. Adapters get one from
   * {@code nl.pakketten.spi.ValueBuilders}.
   */
  public static final class Builder extends ImmutableProductInvoice.Builder {
    Builder() {}
  }
}
