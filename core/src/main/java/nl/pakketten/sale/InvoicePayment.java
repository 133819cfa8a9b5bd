package nl.pakketten.sale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.pakketten.common.UserId;
import org.joda.money.Money;

/**
 * A payment registered on a product invoice.
 *
 * @param reference the host's payment reference, unique in the practice
 * @param amount what was paid, more than zero
 * @param paidOn the day it was paid
 * @param method how it was paid
 * @param registeredAt when it was registered
 * @param registeredBy who registered it
 */
public record InvoicePayment(PaymentReference reference, Money amount, LocalDate paidOn, PaymentMethod method,
    Instant registeredAt, UserId registeredBy) {
  /**
   * Checks nothing is missing and the amount is positive.
   *
   * @param reference the host's payment reference, unique in the practice
   * @param amount what was paid, more than zero
   * @param paidOn the day it was paid
   * @param method how it was paid
   * @param registeredAt when it was registered
   * @param registeredBy who registered it
   */
  public InvoicePayment {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(paidOn, "paidOn");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(registeredBy, "registeredBy");
    if (!amount.isPositive()) {
      throw nl.pakketten.common.InvalidInputException.of("amount", amount, "must be more than zero");
    }
  }

  /**
   * Whether this is the same payment as another registration of the same reference.
   *
   * @param amount the other's amount
   * @param paidOn the other's day
   * @param method the other's method
   * @return true when all three match
   */
  public boolean sameAs(Money amount, LocalDate paidOn, PaymentMethod method) {
    return this.amount.equals(amount) && this.paidOn.equals(paidOn) && this.method == method;
  }
}
