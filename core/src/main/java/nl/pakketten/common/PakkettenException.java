package nl.pakketten.common;

/**
 * Root of every exception the SDK throws on purpose. A call that throws one has changed nothing:
 * no row, no credit, no journal entry and no event — with one exception, {@link
 * nl.pakketten.storage.OutcomeUnknownException}: the connection ended before the commit was confirmed, so the command
 * may or may not have been stored, and running it again with the same key settles it.
 */
public abstract class PakkettenException extends RuntimeException {
  protected PakkettenException(String message) {
    super(message);
  }

  protected PakkettenException(String message, Throwable cause) {
    super(message, cause);
  }
}
