package nl.pakketten.catalog;

import nl.pakketten.common.InvalidInputException;

/**
 * An appointment type's link to a package.
 *
 * @param packageId the package whose credits are spent
 * @param creditsPerAppointment credits one appointment uses, at least 1 (one is the usual advice)
 */
public record AppointmentTypeLink(PackageId packageId, int creditsPerAppointment) {
  /**
   * A link; both components are required.
   *
   * @param packageId the package whose credits are spent
   * @param creditsPerAppointment credits one appointment uses, at least 1
   * @throws InvalidInputException when {@code packageId} is null or {@code creditsPerAppointment}
   *     is below 1
   */
  public AppointmentTypeLink {
    if (packageId == null) {
      throw InvalidInputException.of("packageId", null, "must not be null");
    }
    if (creditsPerAppointment < 1) {
      throw InvalidInputException.of("creditsPerAppointment", creditsPerAppointment, "must be at least 1");
    }
  }
}
