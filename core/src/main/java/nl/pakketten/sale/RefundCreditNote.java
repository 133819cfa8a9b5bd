package nl.pakketten.sale;

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
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.VatRate;
import nl.pakketten.wallet.RefundId;
import org.joda.money.Money;

/**
 * A credit note a refund of credits issued for an invoice the SDK made: its own number from the
 * practice's series (the one the invoices and the cancellations' credit notes take), the invoice it
 * credits, and a line per lot the refund took credits from. A refund that takes from lots of two
 * invoices issues two. It is stored with the refund, never changes, and is mailed with the
 * credit-note template ({@code SendInvoice.creditNote}).
 *
 * <p>A lot's deferred value is its invoice line's amount excluding VAT, so a line's {@code amount}
 * (the part of the refund paid back for that lot) is an amount excluding VAT; the document adds
 * the VAT of the original line's rate on it, rounded half up to the cent per line as the invoice
 * does. The journal books the amount excluding VAT only (deferred revenue to refunds payable), as
 * the grant booked the line's amount excluding VAT.
 *
 * @param practice the practice
 * @param number its number in the practice's series
 * @param invoiceId the invoice it credits
 * @param refundId the refund that issued it
 * @param date its date: the refund's day by the SDK's clock
 * @param lines a line per lot refunded, in the order the refund took the lots
 * @param at when it was issued
 * @param by who refunded
 */
public record RefundCreditNote(PracticeId practice, String number, InvoiceId invoiceId, RefundId refundId,
    LocalDate date, List<Line> lines, Instant at, UserId by) {
  /**
   * Checks that nothing is missing and that there is at least one line.
   *
   * @param practice the practice
   * @param number its number in the practice's series
   * @param invoiceId the invoice it credits
   * @param refundId the refund that issued it
   * @param date its date
   * @param lines a line per lot refunded, at least one
   * @param at when it was issued
   * @param by who refunded
   */
  public RefundCreditNote {
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(refundId, "refundId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("Credit note " + number + " has no lines");
    }
  }

  /**
   * A lot refunded.
   *
   * @param invoiceLine the line of the invoice that granted the lot, from 1
   * @param lot the lot
   * @param credits the credits refunded from it, at least 1
   * @param amount the part of the refund paid back for it, excluding VAT; zero or more
   */
  public record Line(int invoiceLine, LotId lot, int credits, Money amount) {
    /**
     * Checks the line.
     *
     * @param invoiceLine the line of the invoice that granted the lot, from 1
     * @param lot the lot
     * @param credits the credits refunded from it, at least 1
     * @param amount the part of the refund paid back for it, excluding VAT; zero or more
     */
    public Line {
      Objects.requireNonNull(lot, "lot");
      if (invoiceLine < 1 || credits < 1 || amount.isNegative()) {
        throw new IllegalArgumentException("Credit note line of lot " + lot + ": invoice line " + invoiceLine
            + ", " + credits + " credits, amount " + amount);
      }
    }
  }

  /**
   * The sum of the lines' amounts excluding VAT: what the refund pays back for this invoice's lots.
   *
   * @return the total excluding VAT, positive or zero (the document prints it negated)
   */
  public Money totalExcludingVat() {
    Money sum = Money.zero(lines.get(0).amount().getCurrencyUnit());
    for (Line line : lines) {
      sum = sum.plus(line.amount());
    }
    return sum;
  }

  /**
   * The credit note as printed and mailed: the credited invoice's supplier, customer and language,
   * one line per lot with quantity −1, the lot's amount as the unit price, the amount and its VAT
   * negated, the credits negated, and a description naming the credits refunded and the invoice
   * line's product; the totals per VAT rate and overall, negated; the invoice's number as the one
   * it credits and as the payment reference.
   *
   * @param invoice the invoice it credits, as stored
   * @return the document
   * @throws IllegalArgumentException if {@code invoice} is another invoice, or is not issued
   */
  public InvoiceDocument document(ProductInvoice invoice) {
    if (!invoice.id().equals(invoiceId) || !invoice.practice().equals(practice) || invoice.issue().isEmpty()) {
      throw new IllegalArgumentException("Credit note " + number + " credits invoice " + invoiceId + ", not "
          + invoice.id());
    }
    ProductInvoice.Issue issue = invoice.issue().orElseThrow();
    Money zero = Money.zero(invoice.currency());
    List<InvoiceDocument.Line> printed = new ArrayList<>();
    Map<VatRate, Money[]> perRate = new EnumMap<>(VatRate.class);
    Money totalExcl = zero;
    Money totalVat = zero;
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      ProductInvoice.Line original = invoice.lines().get(l.invoiceLine() - 1);
      Money amount = l.amount().negated();
      Money vat = l.amount().multipliedBy(original.vatRate().percentage().movePointLeft(2), RoundingMode.HALF_UP)
          .negated();
      printed.add(new InvoiceDocument.Line(i + 1, original.productCode().value(),
          description(issue.language(), l.credits(), original.description()), -1, l.amount(), original.vatRate(),
          amount, vat, original.packageName(), -l.credits()));
      Money[] sums = perRate.computeIfAbsent(original.vatRate(), r -> new Money[] {zero, zero});
      sums[0] = sums[0].plus(amount);
      sums[1] = sums[1].plus(vat);
      totalExcl = totalExcl.plus(amount);
      totalVat = totalVat.plus(vat);
    }
    List<InvoiceDocument.VatTotal> vatTotals = new ArrayList<>();
    perRate.forEach((rate, sums) -> vatTotals.add(new InvoiceDocument.VatTotal(rate, sums[0], sums[1])));
    Optional<String> exemption = perRate.containsKey(VatRate.EXEMPT)
        ? Optional.of(ProductInvoice.exemptionText(issue.language())) : Optional.empty();
    return new InvoiceDocument(DocumentKind.CREDIT_NOTE, number, date, date, issue.language(), issue.supplier(),
        issue.customer(), printed, vatTotals, totalExcl, totalVat, totalExcl.plus(totalVat), exemption,
        issue.number(), Optional.of(issue.number()), true);
  }

  /** A line's description: the credits refunded of the product, in Dutch or (any other language) English. */
  private static String description(Locale language, int credits, String product) {
    String plural = credits == 1 ? "" : "s";
    return language.getLanguage().equals("nl")
        ? "Terugbetaling van " + credits + " ongebruikte credit" + plural + ": " + product
        : "Refund of " + credits + " unused credit" + plural + ": " + product;
  }
}
