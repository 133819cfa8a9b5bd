package nl.pakketten.appointments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/** Command: an appointment was cancelled; give its credits back unless the cancellation is late. */
@Value.Immutable
@CommandStyle
public abstract class CancelAppointment {
  CancelAppointment() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  @NotNull
  public abstract AppointmentId appointmentId();

  public abstract Optional<@Size(max = 500) String> reason();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link CancelAppointment}. */
  public static final class Builder extends ImmutableCancelAppointment.Builder {
    Builder() {}
  }
}
