package nl.pakketten.appointments;

import jakarta.validation.constraints.NotNull;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.Command;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: a scheduled appointment got another type. Its credits are given back and the new type's
 * taken, in one step: when the new type cannot be covered under {@link ShortfallPolicy#REJECT},
 * nothing changes.
 */
@Value.Immutable
@CommandStyle
public abstract class ChangeAppointmentType implements Command {
  ChangeAppointmentType() {}



  /** {@return the host's appointment id; with the type, the idempotency key of the call} */
  @NotNull
  public abstract AppointmentId appointmentId();

  /**
   * The appointment's new type.
   *
   * @return the type; its link decides what the appointment now costs. Setting the type it has now
   *     is a replay of the call that gave it that type
   */
  @NotNull
  public abstract AppointmentTypeId typeId();

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ChangeAppointmentType}. */
  public static final class Builder extends ImmutableChangeAppointmentType.Builder {
    Builder() {}
  }
}
