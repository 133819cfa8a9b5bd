package nl.pakketten.granting;

import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import org.joda.money.Money;

/** What one grant created: a lot of {@code credits} credits of a package, worth {@code deferredValue}. */
public record LotGrant(LotId lotId, PackageId packageId, int credits, Money ratePerCredit, Money deferredValue) {}
