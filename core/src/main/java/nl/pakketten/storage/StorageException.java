package nl.pakketten.storage;

import nl.pakketten.common.PakkettenException;
import org.jspecify.annotations.Nullable;

/**
 * The database refused the command in a way no retry cures (missing tables, a permission, a
 * failure the adapter does not know); nothing of the command was stored. The message names what
 * failed and the database's SQLSTATE. A lost connection or a conflict is never reported this way:
 * see {@link OutcomeUnknownException} and {@link TransactionFailedException}.
 */
public final class StorageException extends PakkettenException {
  /** The database's SQLSTATE, or null. */
  private final @Nullable String sqlState;
  /** Whether running the command again may succeed. */
  private final boolean retryable;

  /**
   * A refusal by the database. Thrown by adapters.
   *
   * @param message what failed, naming the SQLSTATE
   * @param sqlState the database's SQLSTATE; null when there was none
   * @param retryable whether the same command may succeed when run again
   * @param cause the driver's exception
   */
  public StorageException(String message, @Nullable String sqlState, boolean retryable, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.retryable = retryable;
  }

  /**
   * The database's SQLSTATE.
   *
   * @return the five-character SQLSTATE, or {@code null} when there was none
   */
  public @Nullable String sqlState() {
    return sqlState;
  }

  /**
   * Whether the same command may succeed when run again (in a new transaction of the host's, if it
   * owned this one).
   *
   * @return true when a retry may help; false when it fails the same way until someone fixes the
   *     database
   */
  public boolean isRetryable() {
    return retryable;
  }
}
