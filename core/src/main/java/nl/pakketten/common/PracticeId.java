package nl.pakketten.common;

/** A practice: the tenant that owns all data; no call crosses from one practice to another. */
public final class PracticeId extends Identifier {
  private PracticeId(String value) {
    super("practiceId", value);
  }

  /**
   * The {@code PracticeId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static PracticeId of(String value) {
    return new PracticeId(value);
  }
}
