package nl.pakketten.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The host's clock as the SDK reads it: at microsecond precision, the finest every storage keeps,
 * so a timestamp the SDK makes reads back the same from memory, H2 and PostgreSQL; and refusing to
 * read outside {@link CommandValidator#EARLIEST_INSTANT}..{@link CommandValidator#LATEST_INSTANT},
 * which no storage could hold the same.
 */
public final class StorableClock extends Clock {
  private final Clock clock;

  private StorableClock(Clock clock) {
    this.clock = clock;
  }

  /** {@code clock}, read at microseconds and within the supported range. */
  public static Clock of(Clock clock) {
    return clock instanceof StorableClock ? clock : new StorableClock(clock);
  }

  @Override
  public Instant instant() {
    Instant now = clock.instant();
    if (now.isBefore(CommandValidator.EARLIEST_INSTANT) || now.isAfter(CommandValidator.LATEST_INSTANT)) {
      throw new IllegalStateException("The clock given to Pakketten reads " + now + ", outside "
          + CommandValidator.EARLIEST_INSTANT + ".." + CommandValidator.LATEST_INSTANT
          + ", the instants every storage holds; fix the clock");
    }
    return now.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public ZoneId getZone() {
    return clock.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new StorableClock(clock.withZone(zone));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StorableClock c && c.clock.equals(clock);
  }

  @Override
  public int hashCode() {
    return clock.hashCode() * 31 + 7;
  }

  @Override
  public String toString() {
    return "StorableClock[" + clock + "]";
  }
}
