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
  private final @Nullable String sqlState;
  private final boolean retryable;

  public StorageException(String message, @Nullable String sqlState, boolean retryable, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.retryable = retryable;
  }

  /** The database's SQLSTATE, or {@code null} when there was none. */
  public @Nullable String sqlState() {
    return sqlState;
  }

  /** Whether the same command may succeed when run again (in a new transaction of the host's, if it owned this one). */
  public boolean isRetryable() {
    return retryable;
  }
}
