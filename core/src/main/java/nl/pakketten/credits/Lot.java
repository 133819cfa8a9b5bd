package nl.pakketten.credits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A lot: the credits one paid invoice line or one import granted to a patient for a package. Its
 * rate per credit and deferred value are fixed when it is granted; later changes of the package do
 * not touch it. The revenue recognised from it never exceeds its deferred value and equals it once
 * its last credit is used.
 */
@Value.Immutable
public abstract class Lot {
  Lot() {}

  public abstract LotId getId();

  public abstract PracticeId getPractice();

  public abstract PatientId getPatient();

  public abstract PackageId getPackageId();

  public abstract LotSource getSource();

  public abstract int getCreditsGranted();

  public abstract int getCreditsRemaining();

  /** The internal rate per credit at the moment of granting. */
  public abstract Money getRatePerCredit();

  /** What the credits are worth in the books: the paid line amount, or credits × rate for an import. */
  public abstract Money getDeferredValue();

  /** Revenue recognised from this lot so far. */
  public abstract Money getRecognisedRevenue();

  /** The balance-sheet item its deferred value was booked on, fixed when granted. */
  public abstract BalanceSheetItem getDeferredAccount();

  /**
   * The ledger account its revenue is booked on, fixed when granted: a spend, its give-back and an
   * expiry always hit the same account, even when the package's account changes in between.
   */
  public abstract LedgerAccount getRevenueAccount();

  public abstract Instant getGrantedAt();

  public abstract UserId getGrantedBy();

  /** The last day its credits can be spent, if it expires. */
  public abstract Optional<LocalDate> getExpiresOn();

  /** Whether its credits can no longer be spent on {@code day}. */
  public boolean isExpiredOn(LocalDate day) {
    return getExpiresOn().map(last -> day.isAfter(last)).orElse(false);
  }

  /** Deferred value not yet recognised. */
  public Money getUnrecognised() {
    return getDeferredValue().minus(getRecognisedRevenue());
  }

  /**
   * The revenue that taking {@code credits} credits recognises: credits × rate, capped at what is
   * left of the deferred value; taking the last credit recognises all that is left.
   */
  public Money revenueFor(int credits) {
    Money left = getUnrecognised();
    if (credits == getCreditsRemaining()) {
      return left;
    }
    Money atRate = getRatePerCredit().multipliedBy(credits);
    return atRate.isGreaterThan(left) ? left : atRate;
  }

  abstract Lot withCreditsRemaining(int remaining);

  abstract Lot withRecognisedRevenue(Money revenue);

  /** This lot after {@code credits} credits and {@code revenue} were taken from it. */
  Lot take(int credits, Money revenue) {
    return withCreditsRemaining(getCreditsRemaining() - credits)
        .withRecognisedRevenue(getRecognisedRevenue().plus(revenue));
  }

  /** This lot after an earlier taking is given back. */
  Lot giveBack(int credits, Money revenue) {
    return withCreditsRemaining(getCreditsRemaining() + credits)
        .withRecognisedRevenue(getRecognisedRevenue().minus(revenue));
  }

  @Value.Check
  void check() {
    if (getCreditsGranted() < 1) {
      throw InvalidInputException.of("creditsGranted", getCreditsGranted(), "must be at least 1");
    }
    if (getCreditsRemaining() < 0 || getCreditsRemaining() > getCreditsGranted()) {
      throw new IllegalStateException("Lot " + getId() + ": credits remaining " + getCreditsRemaining()
          + " outside 0.." + getCreditsGranted());
    }
    if (getRatePerCredit().isNegative() || getDeferredValue().isNegative()) {
      throw InvalidInputException.of("ratePerCredit", getRatePerCredit(), "rate and deferred value must not be negative");
    }
    if (!getRatePerCredit().isSameCurrency(getDeferredValue())
        || !getRecognisedRevenue().isSameCurrency(getDeferredValue())) {
      throw new IllegalStateException("Lot " + getId() + " mixes currencies");
    }
    if (getRecognisedRevenue().isNegative() || getRecognisedRevenue().isGreaterThan(getDeferredValue())) {
      throw new IllegalStateException("Lot " + getId() + ": recognised revenue " + getRecognisedRevenue()
          + " outside 0.." + getDeferredValue());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Lot}; used by adapters to read lots back. */
  public static final class Builder extends ImmutableLot.Builder {
    Builder() {}
  }
}
