package nl.pakketten.wallet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.internal.style.Makers;
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

  /** {@return the lot's identifier, unique in the practice} */
  public abstract LotId id();

  /** {@return the practice it belongs to} */
  public abstract PracticeId practice();

  /** {@return the patient who holds the credits} */
  public abstract PatientId patient();

  /** {@return the package the credits are of} */
  public abstract PackageId packageId();

  /** {@return what granted it: a paid invoice line or an import} */
  public abstract LotSource source();

  /** {@return the credits it was granted with, at least 1} */
  public abstract int creditsGranted();

  /**
   * {@return the credits not yet spent, expired or revoked: from 0 to {@link #creditsGranted()}}
   */
  public abstract int creditsRemaining();

  /** {@return the internal rate per credit at the moment of granting} */
  public abstract Money ratePerCredit();

  /**
   * {@return what the credits are worth in the books: the paid line amount, or credits × rate for
   * an import}
   */
  public abstract Money deferredValue();

  /** {@return the revenue recognised from this lot so far: from zero to its deferred value} */
  public abstract Money recognisedRevenue();

  /** {@return the balance-sheet item its deferred value was booked on, fixed when granted} */
  public abstract BalanceSheetItem deferredAccount();

  /**
   * The ledger account its revenue is booked on, fixed when granted: a spend, its give-back and an
   * expiry always hit the same account, even when the package's account changes in between.
   *
   * @return the ledger account (grootboekrekening)
   */
  public abstract LedgerAccount revenueAccount();

  /** {@return when it was granted, by the SDK's clock} */
  public abstract Instant grantedAt();

  /** {@return who registered the payment or import that granted it} */
  public abstract UserId grantedBy();

  /** {@return the last day its credits can be spent, if it expires} */
  public abstract Optional<LocalDate> expiresOn();

  /**
   * The part of its deferred value that left it without being recognised as revenue: refunded to
   * the patient (to refunds payable, and breakage for any part not paid back), revoked with its
   * reversed payment, or moved with credits transferred to another patient.
   *
   * @return from zero (the usual case) to what its deferred value leaves after the revenue
   */
  @Value.Default
  public Money valueOut() {
    return Money.zero(deferredValue().getCurrencyUnit());
  }

  /**
   * The lot these credits were transferred from, when they came from another patient of the
   * practice; the source is then the origin's source.
   *
   * @return the origin lot; empty for a lot granted by a payment or an import
   */
  public abstract Optional<LotId> transferredFrom();

  /**
   * Whether its credits can no longer be spent on {@code day}.
   *
   * @param day the day of the spend, in the practice's calendar
   * @return true when {@code day} is after its last day; false when it does not expire
   */
  public boolean isExpiredOn(LocalDate day) {
    return expiresOn().map(last -> day.isAfter(last)).orElse(false);
  }

  /**
   * {@return the deferred value not yet recognised as revenue; zero once its last credit is used}
   */
  public Money unrecognised() {
    return deferredValue().minus(recognisedRevenue()).minus(valueOut());
  }

  /**
   * The revenue that taking {@code credits} credits recognises: credits × rate, capped at what is
   * left of the deferred value; taking the last credit recognises all that is left.
   *
   * @param credits how many credits are taken, at most {@link #creditsRemaining()}
   * @return the revenue to recognise, in the lot's currency
   */
  public Money revenueFor(int credits) {
    Money left = unrecognised();
    if (credits == creditsRemaining()) {
      return left;
    }
    Money atRate = ratePerCredit().multipliedBy(credits);
    return atRate.isGreaterThan(left) ? left : atRate;
  }

  abstract Lot withCreditsRemaining(int remaining);

  abstract Lot withRecognisedRevenue(Money revenue);

  abstract Lot withValueOut(Money value);

  /** This lot after {@code credits} credits and {@code value} left it without being recognised. */
  Lot withdraw(int credits, Money value) {
    return withCreditsRemaining(creditsRemaining() - credits).withValueOut(valueOut().plus(value));
  }

  /** This lot after {@code credits} credits and {@code revenue} were taken from it. */
  Lot take(int credits, Money revenue) {
    return withCreditsRemaining(creditsRemaining() - credits)
        .withRecognisedRevenue(recognisedRevenue().plus(revenue));
  }

  /** This lot after an earlier taking is given back. */
  Lot giveBack(int credits, Money revenue) {
    return withCreditsRemaining(creditsRemaining() + credits)
        .withRecognisedRevenue(recognisedRevenue().minus(revenue));
  }

  @Value.Check
  void check() {
    if (creditsGranted() < 1) {
      throw InvalidInputException.of("creditsGranted", creditsGranted(), "must be at least 1");
    }
    if (creditsRemaining() < 0 || creditsRemaining() > creditsGranted()) {
      throw new IllegalStateException("Lot " + id() + ": credits remaining " + creditsRemaining()
          + " outside 0.." + creditsGranted());
    }
    if (ratePerCredit().isNegative() || deferredValue().isNegative()) {
      throw InvalidInputException.of("ratePerCredit", ratePerCredit(), "rate and deferred value must not be negative");
    }
    if (!ratePerCredit().isSameCurrency(deferredValue())
        || !recognisedRevenue().isSameCurrency(deferredValue())) {
      throw new IllegalStateException("Lot " + id() + " mixes currencies");
    }
    if (recognisedRevenue().isNegative() || recognisedRevenue().isGreaterThan(deferredValue())) {
      throw new IllegalStateException("Lot " + id() + ": recognised revenue " + recognisedRevenue()
          + " outside 0.." + deferredValue());
    }
    if (!valueOut().isSameCurrency(deferredValue()) || valueOut().isNegative()
        || recognisedRevenue().plus(valueOut()).isGreaterThan(deferredValue())) {
      throw new IllegalStateException("Lot " + id() + ": value out " + valueOut() + " and recognised revenue "
          + recognisedRevenue() + " exceed its deferred value " + deferredValue());
    }
  }

  static {
    Makers.register(Builder.class, Builder::new);
  }

  /**
   * Builds a {@link Lot}; {@code build()} checks its invariants. Adapters get one from {@code
   * nl.pakketten.spi.ValueBuilders}; hosts read values and never build them.
   */
  public static final class Builder extends ImmutableLot.Builder {
    Builder() {}
  }
}
