package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** The code of a product, as on an invoice line. */
public final class ProductCode extends Identifier {
  private ProductCode(String value) {
    super("productCode", value);
  }

  /** Returns the value, or throws {@code InvalidInputException} when it is blank or too long. */
  public static ProductCode of(String value) {
    return new ProductCode(value);
  }
}
