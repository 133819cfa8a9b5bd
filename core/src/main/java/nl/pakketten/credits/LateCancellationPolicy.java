package nl.pakketten.credits;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Policy: whether a cancellation shortly before the start keeps the credits (recorded as forfeited)
 * instead of giving them back.
 */
public final class LateCancellationPolicy {
  private static final LateCancellationPolicy NONE = new LateCancellationPolicy(Duration.ZERO);

  private final Duration window;

  private LateCancellationPolicy(Duration window) {
    this.window = window;
  }

  /** Every cancellation gives the credits back. The default. */
  public static LateCancellationPolicy none() {
    return NONE;
  }

  /** A cancellation less than {@code window} before the start (or after it) keeps the credits. */
  public static LateCancellationPolicy keepCreditsWithin(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw nl.pakketten.common.InvalidInputException.of("window", window, "must be positive");
    }
    return new LateCancellationPolicy(window);
  }

  /** Whether cancelling at {@code now} an appointment starting at {@code start} is late. */
  public boolean isLate(Instant now, Instant start) {
    return !window.isZero() && !now.isBefore(start.minus(window));
  }

  public Duration window() {
    return window;
  }

  @Override
  public String toString() {
    return window.isZero() ? "no late-cancellation policy" : "credits kept within " + window + " of the start";
  }
}
