package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** Identifies a {@link CreditPackage} within its practice. */
public final class PackageId extends Identifier {
  private PackageId(String value) {
    super("packageId", value);
  }

  /** Returns the value, or throws {@code InvalidInputException} when it is blank or too long. */
  public static PackageId of(String value) {
    return new PackageId(value);
  }
}
