package nl.pakketten.common;


/** Identifies a lot of credits. */
public final class LotId extends Identifier {
  private LotId(String value) {
    super("lotId", value);
  }

  /** Returns the value, or throws {@code InvalidInputException} when it is blank or too long. */
  public static LotId of(String value) {
    return new LotId(value);
  }
}
