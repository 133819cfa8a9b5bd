package nl.pakketten.catalog;

import java.util.Optional;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.Makers;
import nl.pakketten.invoicing.VatRate;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A product that can appear on a product invoice. When linked to a package, each unit sold and paid
 * grants {@link ProductLink#creditsPerUnit()} credits of that package.
 */
@Value.Immutable
public abstract class Product {
  Product() {}

  /** {@return the practice that owns it} */
  public abstract PracticeId practice();

  /** {@return the product code, as used on the lines of a product invoice} */
  public abstract ProductCode code();

  /** {@return the product's name, at most 200 characters} */
  public abstract String name();

  /** {@return the price of one unit excluding VAT, as it is invoiced} */
  public abstract Money unitPrice();

  /** {@return what an invoice line of this product says; the name when none was given} */
  @Value.Default
  public String description() {
    return name();
  }

  /** {@return the VAT treatment of its invoice lines; exempt (medical care) when none was given} */
  @Value.Default
  public VatRate vatRate() {
    return VatRate.EXEMPT;
  }

  /** {@return the package this product sells, if any} */
  public abstract Optional<ProductLink> link();

  @Value.Check
  void check() {
    Names.requireName("name", name());
    Names.requireName("description", description());
    if (unitPrice().isNegative()) {
      throw nl.pakketten.common.InvalidInputException.of("unitPrice", unitPrice(), "must not be negative");
    }
  }

  static {
    Makers.register(Builder.class, Builder::new);
  }

  /**
   * Builds a {@link Product}; {@code build()} checks its invariants. Adapters get one from {@code
   * nl.pakketten.spi.ValueBuilders}; hosts read values and never build them.
   */
  public static final class Builder extends ImmutableProduct.Builder {
    Builder() {}
  }
}
