package nl.pakketten.storage;

import java.util.Optional;
import nl.pakketten.common.PakkettenException;
import org.jspecify.annotations.Nullable;

/**
 * A command kept failing on transient conflicts (serialization failures, deadlocks, lock
 * timeouts, no connection from the pool) and was given up, or met one inside a host's
 * transaction where the SDK cannot retry; <b>nothing of it was stored</b>. Running it again with
 * the same key (inside a host's transaction: the host's whole transaction) may succeed.
 */
public final class TransactionFailedException extends PakkettenException {
  /** The command's name. */
  private final String operation;
  /** The command's idempotency key; null for a read. */
  private final @Nullable String key;
  /** How often it was tried. */
  private final int attempts;

  /**
   * A command or read without a key was given up. Thrown by the SDK.
   *
   * @param operation the command's name, as in the log
   * @param attempts how often it was tried
   * @param cause the last transient failure
   */
  public TransactionFailedException(String operation, int attempts, Throwable cause) {
    this(operation, null, attempts, false, cause);
  }

  /**
   * A command was given up, or failed transiently inside a host's transaction. Thrown by the SDK.
   *
   * @param operation the command's name, as in the log
   * @param key the command's idempotency key; null for a read
   * @param attempts how often it was tried
   * @param inHostTransaction whether it ran in a transaction the host owns (then the message tells
   *     to roll that back and run it again)
   * @param cause the last transient failure
   */
  public TransactionFailedException(String operation, @Nullable String key, int attempts, boolean inHostTransaction,
      Throwable cause) {
    super((inHostTransaction
        ? "'" + operation + "'" + keyed(key) + " failed transiently inside the host's transaction, where"
            + " Pakketten cannot retry it; nothing of it was stored: roll the host's transaction back and run it again"
            + (key == null ? "" : " (the same key " + key + " makes that safe)")
        : "Gave up '" + operation + "'" + keyed(key) + " after " + attempts + " attempts; nothing of it was stored,"
            + " running it again" + (key == null ? "" : " with the same key") + " later may succeed")
        + ": " + cause.getMessage(), cause);
    this.operation = operation;
    this.key = key;
    this.attempts = attempts;
  }

  private static String keyed(@Nullable String key) {
    return key == null ? "" : " (key " + key + ")";
  }

  /**
   * How often it was tried.
   *
   * @return the number of attempts, at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The command that failed.
   *
   * @return the command's name, as in the log ({@code schedule}, {@code registerPayment}, ...)
   */
  public String operation() {
    return operation;
  }

  /**
   * The key to run the command again with.
   *
   * @return the command's idempotency key; empty for a read
   */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /**
   * Whether running the command again may help.
   *
   * @return always true: nothing was stored, and the same command may succeed when run again
   */
  public boolean isRetryable() {
    return true;
  }
}
