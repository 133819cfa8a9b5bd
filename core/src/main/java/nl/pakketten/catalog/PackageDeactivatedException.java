package nl.pakketten.catalog;

import nl.pakketten.common.PakkettenException;

/** A deactivated package grants no new credits (by payment or import). */
public final class PackageDeactivatedException extends PakkettenException {
  private final PackageId packageId;

  public PackageDeactivatedException(PackageId packageId, String name, String attempted) {
    super("Package '" + name + "' (" + packageId + ") is deactivated and cannot " + attempted);
    this.packageId = packageId;
  }

  public PackageId packageId() {
    return packageId;
  }
}
