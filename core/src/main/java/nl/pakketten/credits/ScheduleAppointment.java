package nl.pakketten.credits;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.CommandStyle;
import org.immutables.value.Value;

/** Command: an appointment was scheduled; spend its credits if its type is linked to a package. */
@Value.Immutable
@CommandStyle
public abstract class ScheduleAppointment {
  ScheduleAppointment() {}

  @NotNull
  public abstract PracticeId getPractice();

  @NotNull
  public abstract Actor getActor();

  /** The idempotency key. */
  @NotNull
  public abstract AppointmentId getAppointmentId();

  @NotNull
  public abstract PatientId getPatient();

  @NotNull
  public abstract AppointmentTypeId getTypeId();

  @NotNull
  public abstract Instant getStart();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ScheduleAppointment}. */
  public static final class Builder extends ImmutableScheduleAppointment.Builder {
    Builder() {}
  }
}
