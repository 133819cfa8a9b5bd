package nl.pakketten.common;

/**
 * Root of every exception the SDK throws on purpose. A call that throws one has changed nothing:
 * no row, no credit, no journal entry and no event — with one exception, {@link nl.pakketten.storage.OutcomeUnknownException}: the connection ended before the commit was confirmed, so the command
 * may or may not have been stored, and running it again with the same key settles it.
 */
public abstract class PakkettenException extends RuntimeException {
  /**
   * An exception with a message that names the facts.
   *
   * @param message what went wrong, naming the facts
   */
  protected PakkettenException(String message) {
    super(message);
  }

  /**
   * An exception with a message and the failure that caused it.
   *
   * @param message what went wrong, naming the facts
   * @param cause the underlying failure, for example from the storage
   */
  protected PakkettenException(String message, Throwable cause) {
    super(message, cause);
  }
}
