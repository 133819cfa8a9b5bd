package nl.pakketten.spi;

import nl.pakketten.common.PracticeId;
import org.jspecify.annotations.Nullable;

/**
 * Told the facts of every command and read that ends, and of every retry: the hook for metrics and
 * tracing (the Spring Boot starter's Micrometer timers are one). The SDK's own DEBUG log line is fed
 * the same facts. Set one with {@code Pakketten.builder().commandObserver(...)}.
 *
 * <p>Called on the caller's thread, with the command's MDC keys set. An observer must not throw
 * (what it throws is logged and dropped) and must cost next to nothing when it has nothing to do:
 * it runs on every command. It sees no patient names or contact details: only the operation, the
 * practice, the idempotency key and the outcome.
 */
public interface CommandObserver {
  /**
   * Attempt {@code attempt} of {@code maxAttempts} failed transiently; the runner will try again.
   *
   * @param command what is being run
   * @param attempt the attempt that failed, from 1
   * @param maxAttempts how many attempts the runner makes at most
   * @param cause the transient failure
   */
  void retrying(Command command, int attempt, int maxAttempts, TransientException cause);

  /**
   * The command ended after {@code attempts} attempts (0 when its checks refused it) and {@code
   * nanos} nanoseconds (-1 when {@link #timed} said no): with {@code answer} (possibly {@code null})
   * when {@code failure} is {@code null}, or by throwing {@code failure}.
   *
   * @param command what ran
   * @param answer the command's result or the read's value; {@code null} when it failed or returns
   *     nothing
   * @param failure what it threw; {@code null} when it succeeded
   * @param attempts how many attempts it took; 0 when its checks refused it
   * @param nanos how long it took, in nanoseconds; -1 when it was not timed
   */
  void ended(Command command, @Nullable Object answer, @Nullable Throwable failure, int attempts, long nanos);

  /**
   * Whether the observer wants {@code command} timed. Reading the clock twice is most of what a
   * command's log costs when nobody reads the line (about 60 ns of a 3 µs in-memory spend).
   *
   * @param command what is about to run
   * @return true (the default) to receive the time taken in {@link #ended}; false for -1
   */
  default boolean timed(Command command) {
    return true;
  }

  /**
   * What ran: the operation's name, the practice, and the idempotency key (an identifier or a
   * string; {@code null} for a read, or while a command's checks have not yet passed).
   *
   * @param operation the command's or read's name, as in the log ({@code schedule}, {@code
   *     registerPayment}, ...)
   * @param practice the practice it ran in; {@code null} while a command's checks have not yet
   *     passed (a command refused by them may name none)
   * @param key the idempotency key; {@code null} for a read, or while a command's checks have not
   *     yet passed
   * @param read whether it is a read, which changes nothing
   */
  record Command(String operation, @Nullable PracticeId practice, @Nullable Object key, boolean read) {}
}
