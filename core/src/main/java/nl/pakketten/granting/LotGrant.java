package nl.pakketten.granting;

import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import org.joda.money.Money;

/**
 * What one grant created: a lot of {@code credits} credits of a package, worth {@code
 * deferredValue}.
 *
 * @param lotId the lot
 * @param packageId the package its credits are of
 * @param credits how many credits it was granted with
 * @param ratePerCredit the internal rate per credit, fixed at the grant
 * @param deferredValue what the credits are worth in the books
 */
public record LotGrant(LotId lotId, PackageId packageId, int credits, Money ratePerCredit, Money deferredValue) {}
