package nl.pakketten.catalog;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.Command;
import nl.pakketten.internal.style.CommandStyle;
import nl.pakketten.invoicing.VatRate;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * Command: create or replace a product, linked to a package (give {@code packageId} and {@code
 * creditsPerUnit}) or not. Changing the link never touches credits already granted.
 */
@Value.Immutable
@CommandStyle
public abstract class SaveProduct implements Command {
  SaveProduct() {}



  /** {@return the product code, as used on the lines of a product invoice} */
  @NotNull
  public abstract ProductCode code();

  /** {@return the product's name, at most 200 characters} */
  @NotBlank
  @Size(max = 200)
  public abstract String name();

  /** {@return the price of one unit excluding VAT; at least zero} */
  @NotNull
  public abstract Money unitPrice();

  /** {@return what an invoice line says; the name when absent} */
  public abstract Optional<@Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200) String> description();

  /** {@return the VAT treatment of the product's invoice lines; exempt (medical care) by default} */
  @NotNull
  @Value.Default
  public VatRate vatRate() {
    return VatRate.EXEMPT;
  }

  /** {@return the package to link, or empty for an unlinked product} */
  public abstract Optional<PackageId> packageId();

  /**
   * How many credits one unit sold grants, when linked: 2 units at 5 credits grant 10.
   *
   * @return at least 1; 1 by default
   */
  @Min(1)
  @Value.Default
  public int creditsPerUnit() {
    return 1;
  }

  /**
   * How long the credits a payment of the product grants stay spendable, when linked: their last
   * day is the day of the grant plus this, minus one day ({@link ProductLink#lastDayOf}).
   *
   * @return the validity, for example {@code P12M}; empty for credits that do not expire
   */
  public abstract Optional<java.time.Period> validity();

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SaveProduct}. */
  public static final class Builder extends ImmutableSaveProduct.Builder {
    Builder() {}
  }
}
