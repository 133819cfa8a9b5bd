package nl.pakketten.catalog;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PracticeId;
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
public abstract class SaveProduct {
  SaveProduct() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  @NotNull
  public abstract ProductCode code();

  @NotBlank
  @Size(max = 200)
  public abstract String name();

  /** The price of one unit excluding VAT. */
  @NotNull
  public abstract Money unitPrice();

  /** What an invoice line says; the name when absent. */
  public abstract Optional<@Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200) String> description();

  /** The VAT treatment of the product's invoice lines; exempt (medical care) by default. */
  @NotNull
  @Value.Default
  public VatRate vatRate() {
    return VatRate.EXEMPT;
  }

  /** The package to link, or empty for an unlinked product. */
  public abstract Optional<PackageId> packageId();

  /** Credits per unit when linked; at least 1. */
  @Min(1)
  @Value.Default
  public int creditsPerUnit() {
    return 1;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SaveProduct}. */
  public static final class Builder extends ImmutableSaveProduct.Builder {
    Builder() {}
  }
}
