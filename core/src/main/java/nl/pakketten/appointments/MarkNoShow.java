package nl.pakketten.appointments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: the patient did not come to a scheduled appointment; the {@link NoShowPolicy} decides
 * whether its credits are kept or given back.
 */
@Value.Immutable
@CommandStyle
public abstract class MarkNoShow {
  MarkNoShow() {}

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

  /** Builder for {@link MarkNoShow}. */
  public static final class Builder extends ImmutableMarkNoShow.Builder {
    Builder() {}
  }
}
