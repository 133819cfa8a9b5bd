package nl.pakketten.common;

/** A user of the host application who acts on the SDK (recorded on every change). */
public final class UserId extends Identifier {
  private UserId(String value) {
    super("userId", value);
  }

  /** Returns the identifier, or throws {@link InvalidInputException} when {@code value} is blank or too long. */
  public static UserId of(String value) {
    return new UserId(value);
  }
}
