package nl.pakketten.granting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.Actor;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * Command: import credits by hand (no invoice, no payment). The reason is required: whoever is
 * accountable needs to know why credits appeared.
 */
@Value.Immutable
@CommandStyle
public abstract class ImportCredits {
  ImportCredits() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  /** The idempotency key. */
  @NotNull
  public abstract ImportId importId();

  @NotNull
  public abstract PatientId patient();

  @NotNull
  public abstract PackageId packageId();

  @Min(1)
  @Max(1_000_000)
  public abstract int credits();

  /** The internal rate per credit to book them at; at least zero. */
  @NotNull
  public abstract Money internalRate();

  @NotBlank
  @Size(max = 500)
  public abstract String reason();

  public abstract Optional<LocalDate> expiresOn();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ImportCredits}. */
  public static final class Builder extends ImmutableImportCredits.Builder {
    Builder() {}
  }
}
