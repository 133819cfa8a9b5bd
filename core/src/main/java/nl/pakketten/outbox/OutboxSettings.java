package nl.pakketten.outbox;

import java.time.Duration;
import java.util.Objects;
import nl.pakketten.common.InvalidInputException;

/**
 * How the outbox retries: a failed attempt waits {@code firstBackoff}, doubled after each further
 * failure up to {@code maxBackoff}; after {@code maxAttempts} failed attempts the message is failed.
 * A dispatcher claims a message for {@code lease}: if it dies while delivering, another dispatcher
 * takes the message over once the lease ends (a mail may then go out twice, with the same
 * {@code Message-ID}). An event is left to the calling thread for {@code eventGrace} from when it
 * was written (in a host's transaction: before the host's commit) before a dispatcher may publish
 * it.
 *
 * @param maxAttempts delivery attempts before a message is failed, at least 1
 * @param firstBackoff the wait after the first failed attempt, positive
 * @param maxBackoff the longest wait between attempts, not below {@code firstBackoff}
 * @param lease how long a claimed message is left to the dispatcher that claimed it, positive
 * @param eventGrace how long an event is left to the calling thread, positive
 * @param batchSize how many messages a dispatcher claims at once, 1 to 1000
 */
public record OutboxSettings(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease,
    Duration eventGrace, int batchSize) {
  /**
   * Checks the settings.
   *
   * @param maxAttempts delivery attempts before a message is failed, at least 1
   * @param firstBackoff the wait after the first failed attempt, positive
   * @param maxBackoff the longest wait between attempts, not below {@code firstBackoff}
   * @param lease how long a claimed message is left to the dispatcher that claimed it, positive
   * @param eventGrace how long an event is left to the calling thread, positive
   * @param batchSize how many messages a dispatcher claims at once, 1 to 1000
   * @throws InvalidInputException naming the setting out of range
   */
  public OutboxSettings {
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(eventGrace, "eventGrace");
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw InvalidInputException.of("maxAttempts", maxAttempts, "must be between 1 and 100");
    }
    positive("firstBackoff", firstBackoff);
    positive("lease", lease);
    positive("eventGrace", eventGrace);
    if (maxBackoff.compareTo(firstBackoff) < 0) {
      throw InvalidInputException.of("maxBackoff", maxBackoff, "must not be shorter than firstBackoff " + firstBackoff);
    }
    if (batchSize < 1 || batchSize > 1000) {
      throw InvalidInputException.of("batchSize", batchSize, "must be between 1 and 1000");
    }
  }

  /**
   * The defaults: 8 attempts, 30 seconds doubling up to 1 hour (waits of 30 seconds, then 1, 2, 4,
   * 8, 16 and 32 minutes: about an hour in all), a lease of 5 minutes, a grace of 30 seconds for
   * events, 50 messages a claim.
   *
   * @return the default settings
   */
  public static OutboxSettings defaults() {
    return new OutboxSettings(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5),
        Duration.ofSeconds(30), 50);
  }

  /**
   * The wait after the given number of failed attempts.
   *
   * @param failedAttempts failed attempts so far, at least 1
   * @return {@code firstBackoff} doubled {@code failedAttempts - 1} times, at most {@code maxBackoff}
   */
  public Duration backoff(int failedAttempts) {
    Duration wait = firstBackoff;
    for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  private static void positive(String field, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw InvalidInputException.of(field, value, "must be positive");
    }
  }
}
