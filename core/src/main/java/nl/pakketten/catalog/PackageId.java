package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** Identifies a {@link CreditPackage} within its practice. */
public final class PackageId extends Identifier {
  private PackageId(String value) {
    super("packageId", value);
  }

  /**
   * The {@code PackageId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws nl.pakketten.common.InvalidInputException when {@code value} is null, blank, too long
   *     or not printable
   */
  public static PackageId of(String value) {
    return new PackageId(value);
  }
}
