package nl.pakketten.catalog;

import java.time.Instant;
import java.util.Optional;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
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

  /** The practice that owns it. */
  public abstract PracticeId practice();

  /** Its identifier. */
  public abstract PackageId id();

  /** Its name, trimmed, unique within the practice (ignoring case: by its {@link #nameKey}). */
  public abstract String name();

  /**
   * The key under which package names are unique in a practice, and by which {@link
   * nl.pakketten.spi.Packages#findByName} finds them: the name stripped and lower-cased with {@code
   * toLowerCase(Locale.ROOT)}. Storages compare exactly this key (in a database: a plain column),
   * never {@code equalsIgnoreCase} or a collation, so every storage finds the same names equal.
   */
  public static String nameKey(String name) {
    return Names.key(name);
  }

  /** The internal rate per credit (intern tarief); never negative. */
  public abstract Money internalRate();

  /** Where its revenue is booked, if set; otherwise the practice default. */
  public abstract Optional<LedgerAccount> ledgerAccount();

  /** Where its deferred revenue sits, if set; otherwise the practice default. */
  public abstract Optional<BalanceSheetItem> balanceSheetItem();

  /** Whether it may grant new credits. */
  public abstract boolean active();

  /** When it was last changed. */
  public abstract Instant changedAt();

  /** Who changed it last. */
  public abstract UserId changedBy();

  /** A copy with other values. */
  public abstract CreditPackage withName(String name);

  public abstract CreditPackage withInternalRate(Money rate);

  public abstract CreditPackage withLedgerAccount(Optional<? extends LedgerAccount> account);

  public abstract CreditPackage withBalanceSheetItem(Optional<? extends BalanceSheetItem> item);

  public abstract CreditPackage withActive(boolean active);

  public abstract CreditPackage withChangedAt(Instant at);

  public abstract CreditPackage withChangedBy(UserId by);

  @Value.Check
  void check() {
    Names.requireName("name", name());
    if (internalRate().isNegative()) {
      throw nl.pakketten.common.InvalidInputException.of("internalRate", internalRate(), "must not be negative");
    }
  }

  /** Builds a package; used by adapters that read one back from storage. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link CreditPackage}. */
  public static final class Builder extends ImmutableCreditPackage.Builder {
    Builder() {}
  }
}
