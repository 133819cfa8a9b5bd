package nl.pakketten.common;


/** Identifies a lot of credits. */
public final class LotId extends Identifier {
  private LotId(String value) {
    super("lotId", value);
  }

  /**
   * The {@code LotId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static LotId of(String value) {
    return new LotId(value);
  }
}
