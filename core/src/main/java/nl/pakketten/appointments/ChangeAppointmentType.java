package nl.pakketten.appointments;

import jakarta.validation.constraints.NotNull;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.CommandStyle;
import org.immutables.value.Value;

/**
 * Command: a scheduled appointment got another type. Its credits are given back and the new type's
 * taken, in one step: when the new type cannot be covered under {@link ShortfallPolicy#REJECT},
 * nothing changes.
 */
@Value.Immutable
@CommandStyle
public abstract class ChangeAppointmentType {
  ChangeAppointmentType() {}

  @NotNull
  public abstract PracticeId practice();

  @NotNull
  public abstract Actor actor();

  @NotNull
  public abstract AppointmentId appointmentId();

  @NotNull
  public abstract AppointmentTypeId typeId();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ChangeAppointmentType}. */
  public static final class Builder extends ImmutableChangeAppointmentType.Builder {
    Builder() {}
  }
}
