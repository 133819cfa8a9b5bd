package nl.pakketten.common;

/** A practice: the tenant that owns all data; no call crosses from one practice to another. */
public final class PracticeId extends Identifier {
  private PracticeId(String value) {
    super("practiceId", value);
  }

  /** Returns the identifier, or throws {@link InvalidInputException} when {@code value} is blank or too long. */
  public static PracticeId of(String value) {
    return new PracticeId(value);
  }
}
