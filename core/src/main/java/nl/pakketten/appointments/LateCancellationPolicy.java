package nl.pakketten.appointments;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Policy: whether cancelling a covered appointment gives its credits back or keeps them (recorded as
 * forfeited), for example because the cancellation came shortly before the start. It takes the
 * facts and returns a decision; the use case carries the decision out.
 */
@FunctionalInterface
public interface LateCancellationPolicy {
  /**
   * Decides what cancelling {@code appointment} (scheduled and covered) at {@code now} does with its
   * credits.
   *
   * @param appointment the appointment being cancelled, scheduled and covered
   * @param now the moment of the cancellation, by the SDK's clock
   * @return give back or forfeit
   */
  CreditsDecision decide(Appointment appointment, Instant now);

  /**
   * Every cancellation gives the credits back. The default.
   *
   * @return the policy without late cancellations
   */
  static LateCancellationPolicy none() {
    return LateCancellationWindow.NONE;
  }

  /**
   * A cancellation less than {@code window} before the start (or after it) keeps the credits.
   *
   * @param window how long before the start a cancellation counts as late, for example 24 hours
   * @return the policy
   * @throws nl.pakketten.common.InvalidInputException when {@code window} is zero or negative
   */
  static LateCancellationPolicy keepCreditsWithin(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw nl.pakketten.common.InvalidInputException.of("window", window, "must be positive");
    }
    return new LateCancellationWindow(window);
  }
}

/** The built-in late-cancellation policies: credits kept within a window before the start (none when it is zero). */
record LateCancellationWindow(Duration window) implements LateCancellationPolicy {
  static final LateCancellationWindow NONE = new LateCancellationWindow(Duration.ZERO);

  LateCancellationWindow {
    Objects.requireNonNull(window, "window");
  }

  @Override
  public CreditsDecision decide(Appointment appointment, Instant now) {
    boolean late = !window.isZero() && !now.isBefore(appointment.start().minus(window));
    return late ? CreditsDecision.forfeit("late: " + this) : CreditsDecision.giveBack();
  }

  @Override
  public String toString() {
    return window.isZero() ? "no late-cancellation policy" : "credits kept within " + window + " of the start";
  }
}
