package nl.pakketten.granting;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;
import org.joda.money.Money;

/** A line of a product invoice: a product code, a quantity and the amount paid for the line. */
@Value.Immutable
@CommandStyle
public abstract class InvoiceLine {
  InvoiceLine() {}

  /** {@return the code of the product sold; when linked to a package, the line grants credits} */
  @NotNull
  public abstract ProductCode productCode();

  /**
   * {@return how many units were sold, at least 1; credits granted are units × credits per unit}
   */
  @Min(1)
  public abstract int quantity();

  /** {@return what the line costs in total; the deferred value of the lot it grants} */
  @NotNull
  public abstract Money amount();

  /**
   * A line.
   *
   * @param productCode the product sold
   * @param quantity how many units, at least 1
   * @param amount what the line costs in total
   * @return the line; checked when the payment is registered
   */
  public static InvoiceLine of(ProductCode productCode, int quantity, Money amount) {
    return ImmutableInvoiceLine.builder().productCode(productCode).quantity(quantity).amount(amount).build();
  }

  /**
   * A line, with the product code as text.
   *
   * @param productCode the product code, as for {@link ProductCode#of(String)}
   * @param quantity how many units, at least 1
   * @param amount what the line costs in total
   * @return the line; checked when the payment is registered
   * @throws nl.pakketten.common.InvalidInputException when {@code productCode} is blank or too long
   */
  public static InvoiceLine of(String productCode, int quantity, Money amount) {
    return of(ProductCode.of(productCode), quantity, amount);
  }
}
