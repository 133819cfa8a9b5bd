package nl.pakketten.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A clock the story sets by hand, so that every run prints the same times. A host passes its
 * real clock (or nothing: the builder defaults to the system clock).
 */
final class StoryClock extends Clock {
  private final ZoneId zone;
  private Instant now;

  StoryClock(LocalDateTime start, ZoneId zone) {
    this.zone = zone;
    this.now = start.atZone(zone).toInstant();
  }

  /** Moves the clock to a local date and time in its zone. */
  void set(LocalDateTime localTime) {
    now = localTime.atZone(zone).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A snapshot of this clock's current instant in another zone. */
  @Override
  public Clock withZone(ZoneId other) {
    return Clock.fixed(now, other);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
