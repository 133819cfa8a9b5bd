package nl.pakketten.catalog;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.Command;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: create or replace an appointment type, linked to a package or not. Changing the link
 * never touches credits already spent: a cancellation gives back what was actually taken.
 */
@Value.Immutable
@CommandStyle
public abstract class SaveAppointmentType implements Command {
  SaveAppointmentType() {}



  /** {@return the host's identifier of the appointment type} */
  @NotNull
  public abstract AppointmentTypeId id();

  /** {@return the type's name, as the practice calls it, at most 200 characters} */
  @NotBlank
  @Size(max = 200)
  public abstract String name();

  /** {@return the package to link, or empty for an unlinked type} */
  public abstract Optional<PackageId> packageId();

  /**
   * How many credits one appointment of this type spends, when linked.
   *
   * @return at least 1; 1 by default (the usual advice)
   */
  @Min(1)
  @Value.Default
  public int creditsPerAppointment() {
    return 1;
  }

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SaveAppointmentType}. */
  public static final class Builder extends ImmutableSaveAppointmentType.Builder {
    Builder() {}
  }
}
