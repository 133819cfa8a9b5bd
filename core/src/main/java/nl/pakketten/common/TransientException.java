package nl.pakketten.common;

/**
 * Thrown by an adapter when a transaction failed for a reason that a retry may cure (a
 * serialization failure, a deadlock, a unique key taken by a concurrent transaction). The core
 * retries the whole command a bounded number of times with the same idempotency key; callers only
 * see it wrapped in a {@link TransactionFailedException} once the retries are used up.
 */
public class TransientException extends PakkettenException {
  public TransientException(String message, Throwable cause) {
    super(message, cause);
  }
}
