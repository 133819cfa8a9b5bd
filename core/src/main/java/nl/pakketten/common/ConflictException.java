package nl.pakketten.common;

/**
 * The command clashes with what is stored: an idempotency key reused with other content, a name
 * already taken, or a change the current state does not allow.
 */
public final class ConflictException extends PakkettenException {
  /** The key or name in conflict. */
  private final String key;

  /**
   * A conflict on {@code key}.
   *
   * @param key the idempotency key, name or identifier in conflict
   * @param reason why the command clashes, for the message
   */
  public ConflictException(String key, String reason) {
    super("Conflict on '" + key + "': " + reason);
    this.key = key;
  }

  /**
   * The key or name in conflict.
   *
   * @return the idempotency key, name or identifier the command clashed on, as text
   */
  public String key() {
    return key;
  }
}
