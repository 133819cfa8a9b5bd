package nl.pakketten.catalog;

import java.util.List;
import nl.pakketten.common.PakkettenException;

/** A package cannot be deleted while products, appointment types or lots refer to it. */
public final class PackageInUseException extends PakkettenException {
  /** The package that could not be deleted. */
  private final PackageId packageId;
  /** What refers to it. */
  private final List<String> referrers;

  /**
   * A refusal to delete a package in use.
   *
   * @param packageId the package
   * @param referrers what refers to it, for example {@code product 'P10'} or {@code 3 lots}; copied
   */
  public PackageInUseException(PackageId packageId, List<String> referrers) {
    super("Package '" + packageId + "' is in use and cannot be deleted; referred to by: "
        + String.join(", ", referrers) + " (deactivate it instead)");
    this.packageId = packageId;
    this.referrers = List.copyOf(referrers);
  }

  /** {@return the package that could not be deleted} */
  public PackageId packageId() {
    return packageId;
  }

  /** {@return what refers to it, for example {@code product 'P10'} or {@code 3 lots}} */
  public List<String> referrers() {
    return referrers;
  }
}
