package nl.pakketten.common;

/** A command kept failing on transient conflicts and was given up; nothing of it was stored. */
public final class TransactionFailedException extends PakkettenException {
  private final int attempts;

  public TransactionFailedException(String operation, int attempts, Throwable cause) {
    super("Gave up '" + operation + "' after " + attempts + " attempts: " + cause.getMessage(), cause);
    this.attempts = attempts;
  }

  /** How often it was tried. */
  public int attempts() {
    return attempts;
  }
}
