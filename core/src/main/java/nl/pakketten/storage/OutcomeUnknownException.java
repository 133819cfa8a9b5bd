package nl.pakketten.storage;

import nl.pakketten.common.PakkettenException;

/**
 * The connection to the database ended or was lost while a command ran, at a moment when the
 * SDK cannot tell whether its transaction committed: the command <b>may or may not have been
 * stored</b>. The SDK already ran it again with the same idempotency key, a bounded number of
 * times, where it could; this is thrown when those attempts are used up, or at once inside a
 * transaction the host owns.
 *
 * <p>What to do: run the same command again with the same key ({@link #key()}), now or later.
 * That is always safe: if the first call was stored, the repeat answers as the first did and
 * changes nothing; if it was not, the repeat stores it once. Inside a host's transaction: roll
 * the host's transaction back and run it again.
 *
 * <p>This is the one exception of the SDK that does not promise "nothing was stored".
 */
public final class OutcomeUnknownException extends PakkettenException {
  /** The command's name. */
  private final String operation;
  /** The command's idempotency key. */
  private final String key;
  /** How often the SDK ran the command. */
  private final int attempts;

  /**
   * The outcome of {@code operation} is unknown. Thrown by the SDK; public for adapters' tests.
   *
   * @param operation the command's name, as in the log
   * @param key the command's idempotency key
   * @param attempts how often the SDK ran the command
   * @param inHostTransaction whether the command ran in a transaction the host owns (then the
   *     message tells to roll that back and run it again)
   * @param cause the failure of the connection or commit
   */
  public OutcomeUnknownException(String operation, String key, int attempts, boolean inHostTransaction,
      Throwable cause) {
    super("'" + operation + "' (key " + key + ") may or may not have been stored: the connection to the database"
        + " ended or was lost before its commit was confirmed"
        + (inHostTransaction ? ", inside the host's transaction, where Pakketten cannot run it again: roll the"
            + " host's transaction back and run it again"
            : ", " + attempts + (attempts == 1 ? " attempt" : " attempts") + ": run it again")
        + " with the same key " + key + ", which is safe (a stored command answers as the first call did and"
        + " changes nothing). Cause: " + cause.getMessage(), cause);
    this.operation = operation;
    this.key = key;
    this.attempts = attempts;
  }

  /**
   * The command whose outcome is unknown.
   *
   * @return the command's name, as in the log ({@code schedule}, {@code registerPayment}, ...)
   */
  public String operation() {
    return operation;
  }

  /**
   * The key to run the command again with.
   *
   * @return the command's idempotency key (appointment id, invoice id, import id, package id, ...)
   */
  public String key() {
    return key;
  }

  /**
   * How often the SDK ran the command before giving up.
   *
   * @return the number of attempts, at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Whether running the command again may help.
   *
   * @return always true: running the command again with the same key is safe and may succeed
   */
  public boolean isRetryable() {
    return true;
  }
}
