package nl.pakketten.common;

/**
 * Root of every exception the SDK throws on purpose. A call that throws one has changed nothing:
 * no row, no credit, no journal entry and no event.
 */
public abstract class PakkettenException extends RuntimeException {
  protected PakkettenException(String message) {
    super(message);
  }

  protected PakkettenException(String message, Throwable cause) {
    super(message, cause);
  }
}
