package nl.pakketten.common;

/** A user of the host application who acts on the SDK (recorded on every change). */
public final class UserId extends Identifier {
  private UserId(String value) {
    super("userId", value);
  }

  /**
   * The {@code UserId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static UserId of(String value) {
    return new UserId(value);
  }
}
