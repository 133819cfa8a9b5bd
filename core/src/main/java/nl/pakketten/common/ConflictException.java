package nl.pakketten.common;

/**
 * The command clashes with what is stored: an idempotency key reused with other content, a name
 * already taken, or a change the current state does not allow.
 */
public final class ConflictException extends PakkettenException {
  private final String key;

  public ConflictException(String key, String reason) {
    super("Conflict on '" + key + "': " + reason);
    this.key = key;
  }

  /** The key or name in conflict. */
  public String key() {
    return key;
  }
}
