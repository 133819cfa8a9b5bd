package nl.pakketten.common;

/**
 * The store failed in a way the SDK could not cure by itself: the database was unreachable, it
 * refused a change, or a conflict arose inside a transaction the host owns (where the SDK must not
 * retry). The message names what failed and the database's SQLSTATE; {@link #isRetryable()} tells
 * whether running the same command again (with the same idempotency key) may succeed, which is
 * always safe: a replay never grants or spends twice.
 */
public final class StorageException extends PakkettenException {
  private final String sqlState;
  private final boolean retryable;

  public StorageException(String message, String sqlState, boolean retryable, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.retryable = retryable;
  }

  /** The database's SQLSTATE, or {@code null} when there was none. */
  public String sqlState() {
    return sqlState;
  }

  /** Whether the same command may succeed when run again (in a new transaction of the host's, if it owned this one). */
  public boolean isRetryable() {
    return retryable;
  }
}
