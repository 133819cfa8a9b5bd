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
  private final String operation;
  private final @Nullable String key;
  private final int attempts;

  public TransactionFailedException(String operation, int attempts, Throwable cause) {
    this(operation, null, attempts, false, cause);
  }

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

  /** How often it was tried. */
  public int attempts() {
    return attempts;
  }

  /** The command's name. */
  public String operation() {
    return operation;
  }

  /** The command's idempotency key; empty for a read. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** Always true: nothing was stored, and the same command may succeed when run again. */
  public boolean isRetryable() {
    return true;
  }
}
