package nl.pakketten.spi;

import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PracticeId;

/** How many lots of credits refer to a package; a package with lots cannot be deleted. */
@FunctionalInterface
public interface PackageUsage {
  /**
   * Counts the lots of a package, used up or not, of every patient.
   *
   * @param practice the practice
   * @param packageId the package
   * @return the number of lots; 0 when the package was never granted
   */
  long lotsOf(PracticeId practice, PackageId packageId);
}
