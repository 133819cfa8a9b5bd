package nl.pakketten.appointments;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/** Command: an appointment was scheduled; spend its credits if its type is linked to a package. */
@Value.Immutable
@CommandStyle
public abstract class ScheduleAppointment {
  ScheduleAppointment() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  /** The idempotency key. */
  @NotNull
  public abstract AppointmentId appointmentId();

  @NotNull
  public abstract PatientId patient();

  @NotNull
  public abstract AppointmentTypeId typeId();

  @NotNull
  public abstract Instant start();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ScheduleAppointment}. */
  public static final class Builder extends ImmutableScheduleAppointment.Builder {
    Builder() {}
  }
}
