package nl.pakketten.spi;

import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PracticeId;

/** How many lots of credits refer to a package; a package with lots cannot be deleted. */
@FunctionalInterface
public interface PackageUsage {
  long lotsOf(PracticeId practice, PackageId packageId);
}
