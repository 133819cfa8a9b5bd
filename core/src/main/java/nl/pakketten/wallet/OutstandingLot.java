package nl.pakketten.wallet;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import org.joda.money.Money;

/**
 * One open lot in the outstanding-credits report: credits a patient still holds and the deferred
 * value the practice still owes for them.
 *
 * @param packageId the package the credits are of
 * @param lotId the lot
 * @param creditsRemaining the credits not yet spent, expired, refunded, reversed or transferred; at
 *     least 1
 * @param remainingValue the lot's deferred value not yet recognised and not gone out ({@link
 *     Lot#unrecognised()})
 * @param lastDay the last day its credits can be spent; empty when it does not expire
 * @param pastLastDay true when the lot's last day is before today (by the SDK's clock) and its expiry
 *     has not been booked yet: the credits can no longer be spent, but the value stays owed until
 *     {@link ExpireCredits} books it to breakage
 * @param source what granted it (for a transferred lot: its origin's source)
 */
public record OutstandingLot(PackageId packageId, LotId lotId, int creditsRemaining, Money remainingValue,
    Optional<LocalDate> lastDay, boolean pastLastDay, LotSource source) {
  /**
   * An outstanding lot.
   *
   * @param packageId the package
   * @param lotId the lot
   * @param creditsRemaining its credits remaining
   * @param remainingValue its remaining deferred value
   * @param lastDay its last day, if any
   * @param pastLastDay whether its last day has passed without a booked expiry
   * @param source what granted it
   * @throws NullPointerException when a reference is missing
   */
  public OutstandingLot {
    Objects.requireNonNull(packageId, "packageId");
    Objects.requireNonNull(lotId, "lotId");
    Objects.requireNonNull(remainingValue, "remainingValue");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The report's line of a lot, on {@code today}.
   *
   * @param lot an open lot
   * @param today the day, by the SDK's clock, that decides whether its last day has passed
   * @return the outstanding lot
   */
  public static OutstandingLot of(Lot lot, LocalDate today) {
    return new OutstandingLot(lot.packageId(), lot.id(), lot.creditsRemaining(), lot.unrecognised(),
        lot.expiresOn(), lot.isExpiredOn(today), lot.source());
  }
}
