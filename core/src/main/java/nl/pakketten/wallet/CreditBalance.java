package nl.pakketten.wallet;

import java.util.Objects;
import org.joda.money.Money;

/**
 * Credits and the deferred value they carry: a balance in a patient's reports (the opening, running
 * and closing balance of a statement, the outstanding totals of a package).
 *
 * @param credits the credits, never negative in a balance the SDK reports
 * @param value the deferred value of those credits: what the practice still owes for them
 */
public record CreditBalance(int credits, Money value) {
  /**
   * A balance.
   *
   * @param credits the credits
   * @param value their deferred value
   * @throws NullPointerException when {@code value} is missing
   */
  public CreditBalance {
    Objects.requireNonNull(value, "value");
  }

  /**
   * A balance of nothing.
   *
   * @param currency the currency of its value
   * @return zero credits worth zero
   */
  public static CreditBalance zero(org.joda.money.CurrencyUnit currency) {
    return new CreditBalance(0, Money.zero(currency));
  }

  /**
   * This balance with another added.
   *
   * @param other a balance in the same currency
   * @return the sum of credits and of values
   * @throws org.joda.money.CurrencyMismatchException when the currencies differ
   */
  public CreditBalance plus(CreditBalance other) {
    return new CreditBalance(credits + other.credits, value.plus(other.value));
  }

  /**
   * Whether nothing is left.
   *
   * @return true when both the credits and the value are zero
   */
  public boolean isZero() {
    return credits == 0 && value.isZero();
  }
}
