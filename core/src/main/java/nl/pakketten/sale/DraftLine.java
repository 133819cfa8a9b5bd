package nl.pakketten.sale;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/** A line of a draft invoice: a product by its code and a quantity; the price comes from the product. */
@Value.Immutable
@CommandStyle
public abstract class DraftLine {
  DraftLine() {}

  /** {@return the product} */
  @NotNull
  public abstract ProductCode productCode();

  /** {@return units, at least 1} */
  @Min(1)
  public abstract int quantity();

  /**
   * A line.
   *
   * @param productCode the product's code
   * @param quantity units, at least 1
   * @return the line
   */
  public static DraftLine of(String productCode, int quantity) {
    return ImmutableDraftLine.builder().productCode(ProductCode.of(productCode)).quantity(quantity).build();
  }
}
