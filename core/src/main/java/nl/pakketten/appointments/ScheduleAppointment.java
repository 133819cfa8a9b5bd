package nl.pakketten.appointments;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.Command;
import nl.pakketten.common.PatientId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/** Command: an appointment was scheduled; spend its credits if its type is linked to a package. */
@Value.Immutable
@CommandStyle
public abstract class ScheduleAppointment implements Command {
  ScheduleAppointment() {}



  /** {@return the host's appointment id: the idempotency key of the call} */
  @NotNull
  public abstract AppointmentId appointmentId();

  /** {@return the patient whose credits the command concerns} */
  @NotNull
  public abstract PatientId patient();

  /** {@return the appointment's type; when linked to a package, it decides the credits spent} */
  @NotNull
  public abstract AppointmentTypeId typeId();

  /**
   * When the appointment starts.
   *
   * @return the start; the late-cancellation policy measures from it (credits are spent from the
   *     lots spendable today, by the SDK's clock)
   */
  @NotNull
  public abstract Instant start();

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ScheduleAppointment}. */
  public static final class Builder extends ImmutableScheduleAppointment.Builder {
    Builder() {}
  }
}
