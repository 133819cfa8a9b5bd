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

  @NotNull
  public abstract ProductCode productCode();

  @Min(1)
  public abstract int quantity();

  /** What the line costs in total; the deferred value of the lot it grants. */
  @NotNull
  public abstract Money amount();

  /** A line. */
  public static InvoiceLine of(ProductCode productCode, int quantity, Money amount) {
    return ImmutableInvoiceLine.builder().productCode(productCode).quantity(quantity).amount(amount).build();
  }

  /** A line, with the product code as text. */
  public static InvoiceLine of(String productCode, int quantity, Money amount) {
    return of(ProductCode.of(productCode), quantity, amount);
  }
}
