package nl.pakketten.catalog;

import java.util.Optional;
import nl.pakketten.common.PracticeId;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A product that can appear on a product invoice. When linked to a package, each unit sold and paid
 * grants {@link ProductLink#creditsPerUnit()} credits of that package.
 */
@Value.Immutable
public abstract class Product {
  Product() {}

  public abstract PracticeId getPractice();

  public abstract ProductCode getCode();

  public abstract String getName();

  /** The price of one unit, as the host invoices it. */
  public abstract Money getUnitPrice();

  /** The package this product sells, if any. */
  public abstract Optional<ProductLink> getLink();

  @Value.Check
  void check() {
    Names.requireName("name", getName());
    if (getUnitPrice().isNegative()) {
      throw nl.pakketten.common.InvalidInputException.of("unitPrice", getUnitPrice(), "must not be negative");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Product}. */
  public static final class Builder extends ImmutableProduct.Builder {
    Builder() {}
  }
}
