package nl.pakketten.spi;

import nl.pakketten.common.PakkettenException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by an adapter when a transaction failed for a reason that a retry may cure. Two kinds,
 * and the difference matters for money:
 *
 * <ul>
 *   <li><b>not stored</b> ({@link #outcomeUnknown()} false): the database rolled the transaction
 *       back or never saw it — a serialization failure, a deadlock, a lock timeout, a unique key
 *       taken by a concurrent transaction, no connection to be had from the pool;
 *   <li><b>outcome unknown</b> ({@link #outcomeUnknown()} true): the connection ended or was lost
 *       (or the commit failed) after work was sent, so the transaction may have committed.
 * </ul>
 *
 * <p>The core retries the whole command a bounded number of times with the same idempotency key,
 * which is safe in both cases: a command already stored answers as a replay. Callers see {@link nl.pakketten.storage.TransactionFailedException} (nothing stored) or {@link nl.pakketten.storage.OutcomeUnknownException} once the
 * retries are used up, or at once when {@link #retryableHere()} is false (inside a host's
 * transaction, which only the host can run again).
 */
public class TransientException extends PakkettenException {
  /** Whether the transaction may have committed. */
  private final boolean outcomeUnknown;
  /** Whether the core may run the command again itself. */
  private final boolean retryableHere;
  /** The database's SQLSTATE, or null. */
  private final @Nullable String sqlState;

  /**
   * A failure that stored nothing, retryable by the core.
   *
   * @param message what failed
   * @param cause the driver's or storage's exception
   */
  public TransientException(String message, Throwable cause) {
    this(message, false, true, cause);
  }

  /**
   * A transient failure, stored or not.
   *
   * @param message what failed
   * @param outcomeUnknown whether the transaction may have committed
   * @param retryableHere whether the core may run the command again itself (false inside a host's
   *     transaction)
   * @param cause the driver's or storage's exception
   */
  public TransientException(String message, boolean outcomeUnknown, boolean retryableHere, Throwable cause) {
    this(message, null, outcomeUnknown, retryableHere, cause);
  }

  /**
   * A transient failure of a database, with its SQLSTATE.
   *
   * @param message what failed
   * @param sqlState the database's SQLSTATE, or {@code null}; the log of a retry names it
   * @param outcomeUnknown whether the transaction may have committed
   * @param retryableHere whether the core may run the command again itself
   * @param cause the driver's exception
   */
  public TransientException(String message, @Nullable String sqlState, boolean outcomeUnknown, boolean retryableHere,
      Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.outcomeUnknown = outcomeUnknown;
    this.retryableHere = retryableHere;
  }

  /**
   * The database's SQLSTATE.
   *
   * @return the SQLSTATE, or {@code null} when there was none (or the storage is not a database)
   */
  public @Nullable String sqlState() {
    return sqlState;
  }

  /**
   * Whether the transaction may have committed (the connection ended or the commit failed).
   *
   * @return true when the outcome is unknown; false when nothing was stored
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /**
   * Whether the core may retry in a new transaction of its own.
   *
   * @return false inside a host's transaction, which only the host can run again
   */
  public boolean retryableHere() {
    return retryableHere;
  }
}
