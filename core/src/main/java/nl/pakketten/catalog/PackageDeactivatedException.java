package nl.pakketten.catalog;

import nl.pakketten.common.PakkettenException;

/** A deactivated package grants no new credits (by payment or import). */
public final class PackageDeactivatedException extends PakkettenException {
  /** The deactivated package. */
  private final PackageId packageId;

  /**
   * A refusal to grant credits of a deactivated package.
   *
   * @param packageId the package
   * @param name its name, for the message
   * @param attempted what was refused, for the message (for example "grant credits")
   */
  public PackageDeactivatedException(PackageId packageId, String name, String attempted) {
    super("Package '" + name + "' (" + packageId + ") is deactivated and cannot " + attempted);
    this.packageId = packageId;
  }

  /** {@return the deactivated package} */
  public PackageId packageId() {
    return packageId;
  }
}
