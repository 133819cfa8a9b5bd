package nl.pakketten.catalog;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: create or replace an appointment type, linked to a package or not. Changing the link
 * never touches credits already spent: a cancellation gives back what was actually taken.
 */
@Value.Immutable
@CommandStyle
public abstract class SaveAppointmentType {
  SaveAppointmentType() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  @NotNull
  public abstract AppointmentTypeId id();

  @NotBlank
  @Size(max = 200)
  public abstract String name();

  /** The package to link, or empty for an unlinked type. */
  public abstract Optional<PackageId> packageId();

  /** Credits per appointment when linked; at least 1, 1 by default. */
  @Min(1)
  @Value.Default
  public int creditsPerAppointment() {
    return 1;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SaveAppointmentType}. */
  public static final class Builder extends ImmutableSaveAppointmentType.Builder {
    Builder() {}
  }
}
