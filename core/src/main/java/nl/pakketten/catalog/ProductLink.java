package nl.pakketten.catalog;

import java.time.Period;
import java.util.Optional;
import nl.pakketten.common.InvalidInputException;

/**
 * A product's link to a package.
 *
 * <p>With a validity, the lots a payment of the product grants expire: their last day ({@code
 * Lot.expiresOn}) is the day of the grant (by the SDK's clock) plus the validity, minus one day. A
 * validity of 12 months granted on 2026-03-15 gives a last day of 2027-03-14; granted on
 * 2026-01-31 with 1 month, 2026-02-27 (the plus is {@link java.time.LocalDate#plus}, which clips to
 * the month's end).
 *
 * @param packageId the package sold
 * @param creditsPerUnit credits granted per unit sold, at least 1
 * @param validity how long paid credits stay spendable from the day of the grant; empty for no
 *     expiry; positive (at least one day) and without negative parts
 */
public record ProductLink(PackageId packageId, int creditsPerUnit, Optional<Period> validity) {
  /**
   * A link; every component is required.
   *
   * @param packageId the package sold
   * @param creditsPerUnit credits granted per unit sold, at least 1
   * @param validity how long paid credits stay spendable; empty for no expiry
   * @throws InvalidInputException when {@code packageId} is null, {@code creditsPerUnit} is below
   *     1, or {@code validity} is zero or has a negative part
   */
  public ProductLink {
    if (packageId == null) {
      throw InvalidInputException.of("packageId", null, "must not be null");
    }
    if (creditsPerUnit < 1) {
      throw InvalidInputException.of("creditsPerUnit", creditsPerUnit, "must be at least 1");
    }
    if (validity == null) {
      validity = Optional.empty();
    }
    validity.ifPresent(ProductLink::requireValidity);
  }

  /**
   * A link whose credits do not expire.
   *
   * @param packageId the package sold
   * @param creditsPerUnit credits granted per unit sold, at least 1
   */
  public ProductLink(PackageId packageId, int creditsPerUnit) {
    this(packageId, creditsPerUnit, Optional.empty());
  }

  /**
   * The last day of credits granted on {@code grantDay}: {@code grantDay + validity − 1 day}.
   *
   * @param grantDay the day of the grant, in the practice's calendar
   * @return the last day they can be spent; empty when the link has no validity
   */
  public Optional<java.time.LocalDate> lastDayOf(java.time.LocalDate grantDay) {
    return validity.map(v -> grantDay.plus(v).minusDays(1));
  }

  /**
   * Throws unless {@code validity} is usable: no negative part, and not zero.
   *
   * @param validity a validity
   * @throws InvalidInputException naming the field {@code validity}
   */
  static void requireValidity(Period validity) {
    if (validity.isNegative() || validity.isZero()) {
      throw InvalidInputException.of("validity", validity, "must be positive, for example P12M");
    }
  }
}
