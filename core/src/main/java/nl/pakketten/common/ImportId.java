package nl.pakketten.common;


/** The idempotency key of a credit import, chosen by the host (for example a form submission id). */
public final class ImportId extends Identifier {
  private ImportId(String value) {
    super("importId", value);
  }

  /** Returns the value, or throws {@code InvalidInputException} when it is blank or too long. */
  public static ImportId of(String value) {
    return new ImportId(value);
  }
}
