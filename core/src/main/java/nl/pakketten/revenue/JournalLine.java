package nl.pakketten.revenue;

import java.util.Objects;
import org.joda.money.Money;

/**
 * One line of a journal entry: an amount (positive) debited or credited to an account.
 *
 * @param account the account code, from the package or the practice's {@link Bookkeeping}
 * @param role the part the account plays
 * @param side whether the amount is debited or credited
 * @param amount the amount, positive
 */
public record JournalLine(String account, AccountRole role, Side side, Money amount) {
  /**
   * A line; every component is required.
   *
   * @param account the account code
   * @param role the part the account plays
   * @param side debit or credit
   * @param amount the amount
   * @throws IllegalArgumentException when {@code amount} is zero or negative
   */
  public JournalLine {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("A journal line's amount must be positive, was " + amount);
    }
  }

  /**
   * The amount as debit minus credit.
   *
   * @return the amount when debited, its negation when credited
   */
  public Money signed() {
    return side == Side.DEBIT ? amount : amount.negated();
  }
}
