package nl.pakketten.catalog;

import java.time.Instant;
import java.util.Optional;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.internal.style.Makers;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A package (pakket): a named kind of prepaid credit with an internal rate per credit, the amount
 * the bookkeeping books per credit used. A deactivated package grants no new credits; its existing
 * credits can still be spent.
 */
@Value.Immutable
public abstract class CreditPackage {
  CreditPackage() {}

  /** {@return the practice that owns it} */
  public abstract PracticeId practice();

  /** {@return its identifier} */
  public abstract PackageId id();

  /**
   * {@return its name, trimmed, unique within the practice (ignoring case: by its {@link
   * #nameKey})}
   */
  public abstract String name();

  /**
   * The key under which package names are unique in a practice, and by which {@link nl.pakketten.spi.Packages#findByName} finds them: the name stripped and lower-cased with {@code
   * toLowerCase(Locale.ROOT)}. Storages compare exactly this key (in a database: a plain column),
   * never {@code equalsIgnoreCase} or a collation, so every storage finds the same names equal.
   *
   * @param name a package name
   * @return its key, at most twice as long as the name (some letters lower-case to two characters)
   */
  public static String nameKey(String name) {
    return Names.key(name);
  }

  /** {@return the internal rate per credit (intern tarief); never negative} */
  public abstract Money internalRate();

  /** {@return where its revenue is booked, if set; otherwise the practice default} */
  public abstract Optional<LedgerAccount> ledgerAccount();

  /** {@return where its deferred revenue sits, if set; otherwise the practice default} */
  public abstract Optional<BalanceSheetItem> balanceSheetItem();

  /**
   * {@return where breakage is booked, if set: the remaining value of its expired credits and the
   * part of a refund not paid back; otherwise the lot's revenue account (the package's ledger
   * account when the lot was granted)}
   */
  public abstract Optional<LedgerAccount> breakageAccount();

  /**
   * {@return the balance at or below which a spend raises {@link
   * nl.pakketten.wallet.CreditEvents.CreditsLow}, if set; at least zero}
   */
  public abstract Optional<Integer> lowBalanceThreshold();

  /** {@return whether it may grant new credits} */
  public abstract boolean active();

  /** {@return when it was last changed} */
  public abstract Instant changedAt();

  /** {@return who changed it last} */
  public abstract UserId changedBy();

  /**
   * A copy with another name; the invariants are checked again.
   *
   * @param name the new name
   * @return the changed copy
   */
  public abstract CreditPackage withName(String name);

  /**
   * A copy with another internal rate; lots already granted keep theirs.
   *
   * @param rate the new rate per credit, at least zero
   * @return the changed copy
   */
  public abstract CreditPackage withInternalRate(Money rate);

  /**
   * A copy with another ledger account.
   *
   * @param account the new account; empty for the practice's default
   * @return the changed copy
   */
  public abstract CreditPackage withLedgerAccount(Optional<? extends LedgerAccount> account);

  /**
   * A copy with another balance-sheet item.
   *
   * @param item the new item; empty for the practice's default
   * @return the changed copy
   */
  public abstract CreditPackage withBalanceSheetItem(Optional<? extends BalanceSheetItem> item);

  /**
   * A copy with another breakage account.
   *
   * @param account the new account; empty for the lot's revenue account
   * @return the changed copy
   */
  public abstract CreditPackage withBreakageAccount(Optional<? extends LedgerAccount> account);

  /**
   * A copy with another low-balance threshold.
   *
   * @param threshold the new threshold, at least zero; empty for none
   * @return the changed copy
   */
  public abstract CreditPackage withLowBalanceThreshold(Optional<Integer> threshold);

  /**
   * A copy, active or deactivated.
   *
   * @param active whether it may grant new credits
   * @return the changed copy
   */
  public abstract CreditPackage withActive(boolean active);

  /**
   * A copy with another time of change.
   *
   * @param at when it was changed
   * @return the changed copy
   */
  public abstract CreditPackage withChangedAt(Instant at);

  /**
   * A copy with another author of the change.
   *
   * @param by who changed it
   * @return the changed copy
   */
  public abstract CreditPackage withChangedBy(UserId by);

  @Value.Check
  void check() {
    Names.requireName("name", name());
    if (internalRate().isNegative()) {
      throw nl.pakketten.common.InvalidInputException.of("internalRate", internalRate(), "must not be negative");
    }
    if (lowBalanceThreshold().map(t -> t < 0).orElse(false)) {
      throw nl.pakketten.common.InvalidInputException.of("lowBalanceThreshold", lowBalanceThreshold().get(),
          "must not be negative");
    }
  }

  static {
    Makers.register(Builder.class, Builder::new);
  }

  /**
   * Builds a {@link CreditPackage}; {@code build()} checks its invariants. Adapters get one from {@code
   * nl.pakketten.spi.ValueBuilders}; hosts read values and never build them.
   */
  public static final class Builder extends ImmutableCreditPackage.Builder {
    Builder() {}
  }
}
