package nl.pakketten.appointments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.Command;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: the patient did not come to a scheduled appointment; the {@link NoShowPolicy} decides
 * whether its credits are kept or given back.
 */
@Value.Immutable
@CommandStyle
public abstract class MarkNoShow implements Command {
  MarkNoShow() {}



  /** {@return the host's appointment id: the idempotency key of the call} */
  @NotNull
  public abstract AppointmentId appointmentId();

  /** {@return why, in words, at most 500 characters, recorded in the history; empty for none} */
  public abstract Optional<@Size(max = 500) String> reason();

  /**
   * {@return a new, empty builder; a missing or bad field is reported, with all others, as an
   * {@link nl.pakketten.common.InvalidInputException} when the command runs}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link MarkNoShow}. */
  public static final class Builder extends ImmutableMarkNoShow.Builder {
    Builder() {}
  }
}
