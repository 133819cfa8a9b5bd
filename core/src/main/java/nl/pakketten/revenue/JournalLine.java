package nl.pakketten.revenue;

import java.util.Objects;
import org.joda.money.Money;

/** One line of a journal entry: an amount (positive) debited or credited to an account. */
public record JournalLine(String account, AccountRole role, Side side, Money amount) {
  public JournalLine {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("A journal line's amount must be positive, was " + amount);
    }
  }

  /** The amount as debit minus credit. */
  public Money signed() {
    return side == Side.DEBIT ? amount : amount.negated();
  }
}
