package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** The code of a product, as on an invoice line. */
public final class ProductCode extends Identifier {
  private ProductCode(String value) {
    super("productCode", value);
  }

  /**
   * The {@code ProductCode} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws nl.pakketten.common.InvalidInputException when {@code value} is null, blank, too long
   *     or not printable
   */
  public static ProductCode of(String value) {
    return new ProductCode(value);
  }
}
