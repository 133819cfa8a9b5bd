package nl.pakketten.internal.usecase;

import java.util.Optional;
import nl.pakketten.catalog.AppointmentTypeLink;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.PracticeId;
import nl.pakketten.spi.Packages;
import nl.pakketten.wallet.CreditEvents;

/**
 * Where a spend finds the low-balance threshold of its package, for {@link CreditEvents.CreditsLow}.
 *
 * @param packages the packages
 * @param heard whether the host has an event publisher; without one the event would be dropped, so
 *     the package is not read and a spend keeps its round trips
 */
public record LowBalanceThresholds(Packages packages, boolean heard) {
  /**
   * The low-balance threshold of the link's package; nothing when nobody hears the event. Read
   * before the wallet is locked and before any write is held, so the read costs one round trip and
   * does not split the spend's one flushing statement.
   */
  Optional<Integer> of(PracticeId practice, Optional<AppointmentTypeLink> link) {
    return heard
        ? link.flatMap(l -> packages.find(practice, l.packageId())).flatMap(CreditPackage::lowBalanceThreshold)
        : Optional.empty();
  }
}
