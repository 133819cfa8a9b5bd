package nl.pakketten.granting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.Command;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.PatientId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * Command: import credits by hand (no invoice, no payment). The reason is required: whoever is
 * accountable needs to know why credits appeared.
 */
@Value.Immutable
@CommandStyle
public abstract class ImportCredits implements Command {
  ImportCredits() {}



  /** {@return the host's key of this import: the idempotency key of the call} */
  @NotNull
  public abstract ImportId importId();

  /** {@return the patient whose credits the command concerns} */
  @NotNull
  public abstract PatientId patient();

  /** {@return the package whose credits are imported; it must be active} */
  @NotNull
  public abstract PackageId packageId();

  /** {@return how many credits to grant, from 1 to 1,000,000} */
  @Min(1)
  @Max(1_000_000)
  public abstract int credits();

  /** {@return the internal rate per credit to book them at; at least zero} */
  @NotNull
  public abstract Money internalRate();

  /** {@return why the credits are imported, at most 500 characters; recorded in the history} */
  @NotBlank
  @Size(max = 500)
  public abstract String reason();

  /** {@return the last day the imported credits can be spent; empty when they do not expire} */
  public abstract Optional<LocalDate> expiresOn();

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ImportCredits}. */
  public static final class Builder extends ImmutableImportCredits.Builder {
    Builder() {}
  }
}
