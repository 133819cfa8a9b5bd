package nl.pakketten.revenue;

import java.util.Objects;
import nl.pakketten.catalog.PackageId;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The sum of the amounts of a group of journal lines: those on one account in one role and on one
 * side, of entries of one kind and one package, in one currency. The reports are built from these
 * sums ({@link nl.pakketten.spi.Journal#totals}).
 *
 * @param role the lines' role
 * @param account the lines' account code
 * @param packageId the package their entries name; null for entries that name none
 * @param kind the kind of their entries
 * @param side whether the lines debit or credit the account
 * @param amount the sum of their amounts: positive, in their currency
 */
public record JournalTotal(
    AccountRole role, String account, @Nullable PackageId packageId, EntryKind kind, Side side, Money amount) {
  /**
   * A sum; every component but the package is required.
   *
   * @param role the lines' role
   * @param account the lines' account code
   * @param packageId the package, or null
   * @param kind the entries' kind
   * @param side debit or credit
   * @param amount the sum
   * @throws IllegalArgumentException when {@code amount} is negative
   */
  public JournalTotal {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("A sum of journal line amounts cannot be negative, was " + amount);
    }
  }

  /**
   * The sum as credit minus debit: how much it adds to a liability (deferred revenue, refunds
   * payable) or to revenue.
   *
   * @return the amount when credited, its negation when debited
   */
  public Money creditMinusDebit() {
    return side == Side.CREDIT ? amount : amount.negated();
  }
}
