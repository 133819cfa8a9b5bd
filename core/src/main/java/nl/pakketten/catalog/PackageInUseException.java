package nl.pakketten.catalog;

import java.util.List;
import nl.pakketten.common.PakkettenException;

/** A package cannot be deleted while products, appointment types or lots refer to it. */
public final class PackageInUseException extends PakkettenException {
  private final PackageId packageId;
  private final List<String> referrers;

  public PackageInUseException(PackageId packageId, List<String> referrers) {
    super("Package '" + packageId + "' is in use and cannot be deleted; referred to by: "
        + String.join(", ", referrers) + " (deactivate it instead)");
    this.packageId = packageId;
    this.referrers = List.copyOf(referrers);
  }

  public PackageId packageId() {
    return packageId;
  }

  /** What refers to it, for example {@code product 'P10'} or {@code 3 lots}. */
  public List<String> referrers() {
    return referrers;
  }
}
