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
  private final String operation;
  private final String key;
  private final int attempts;

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

  /** The command's name, as in the log ({@code schedule}, {@code registerPayment}, ...). */
  public String operation() {
    return operation;
  }

  /** The command's idempotency key (appointment id, invoice id, import id, package id, ...). */
  public String key() {
    return key;
  }

  /** How often the SDK ran the command. */
  public int attempts() {
    return attempts;
  }

  /** Always true: running the command again with the same key is safe and may succeed. */
  public boolean isRetryable() {
    return true;
  }
}
