package nl.pakketten.catalog;

import java.util.Optional;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.style.Makers;
import org.immutables.value.Value;

/**
 * An appointment type (standard appointment). When linked to a package, scheduling one spends
 * {@link AppointmentTypeLink#creditsPerAppointment()} credits of that package.
 */
@Value.Immutable
public abstract class AppointmentType {
  AppointmentType() {}

  /** {@return the practice that owns it} */
  public abstract PracticeId practice();

  /** {@return the host's identifier of the appointment type} */
  public abstract AppointmentTypeId id();

  /** {@return the type's name, as the practice calls it, at most 200 characters} */
  public abstract String name();

  /** {@return the package its appointments spend credits of, if any} */
  public abstract Optional<AppointmentTypeLink> link();

  @Value.Check
  void check() {
    Names.requireName("name", name());
  }

  static {
    Makers.register(Builder.class, Builder::new);
  }

  /**
   * Builds a {@link AppointmentType}; {@code build()} checks its invariants. Adapters get one from {@code
   * nl.pakketten.spi.ValueBuilders}; hosts read values and never build them.
   */
  public static final class Builder extends ImmutableAppointmentType.Builder {
    Builder() {}
  }
}
