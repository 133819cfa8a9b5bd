package nl.pakketten.catalog;

import nl.pakketten.common.InvalidInputException;

/**
 * A product's link to a package.
 *
 * @param packageId the package sold
 * @param creditsPerUnit credits granted per unit sold, at least 1
 */
public record ProductLink(PackageId packageId, int creditsPerUnit) {
  /**
   * A link; both components are required.
   *
   * @param packageId the package sold
   * @param creditsPerUnit credits granted per unit sold, at least 1
   * @throws InvalidInputException when {@code packageId} is null or {@code creditsPerUnit} is
   *     below 1
   */
  public ProductLink {
    if (packageId == null) {
      throw InvalidInputException.of("packageId", null, "must not be null");
    }
    if (creditsPerUnit < 1) {
      throw InvalidInputException.of("creditsPerUnit", creditsPerUnit, "must be at least 1");
    }
  }
}
