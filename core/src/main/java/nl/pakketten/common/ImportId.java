package nl.pakketten.common;


/** The idempotency key of a credit import, chosen by the host (for example a form submission id). */
public final class ImportId extends Identifier {
  private ImportId(String value) {
    super("importId", value);
  }

  /**
   * The {@code ImportId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static ImportId of(String value) {
    return new ImportId(value);
  }
}
