package nl.pakketten.catalog;

import java.util.Optional;
import nl.pakketten.common.PracticeId;
import org.immutables.value.Value;

/**
 * An appointment type (standard appointment). When linked to a package, scheduling one spends
 * {@link AppointmentTypeLink#creditsPerAppointment()} credits of that package.
 */
@Value.Immutable
public abstract class AppointmentType {
  AppointmentType() {}

  public abstract PracticeId getPractice();

  public abstract AppointmentTypeId getId();

  public abstract String getName();

  /** The package its appointments spend credits of, if any. */
  public abstract Optional<AppointmentTypeLink> getLink();

  @Value.Check
  void check() {
    Names.requireName("name", getName());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link AppointmentType}. */
  public static final class Builder extends ImmutableAppointmentType.Builder {
    Builder() {}
  }
}
