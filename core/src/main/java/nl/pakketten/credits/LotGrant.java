package nl.pakketten.credits;

import nl.pakketten.catalog.PackageId;
import org.joda.money.Money;

/** What one grant created: a lot of {@code credits} credits of a package, worth {@code deferredValue}. */
public record LotGrant(LotId lotId, PackageId packageId, int credits, Money ratePerCredit, Money deferredValue) {}
