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

  public abstract PracticeId practice();

  public abstract AppointmentTypeId id();

  public abstract String name();

  /** The package its appointments spend credits of, if any. */
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
