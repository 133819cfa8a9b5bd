package nl.pakketten.common;


/** Identifies a product invoice of the host; the key that makes registering its payment idempotent. */
public final class InvoiceId extends Identifier {
  private InvoiceId(String value) {
    super("invoiceId", value);
  }

  /**
   * The {@code InvoiceId} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws InvalidInputException when {@code value} is null, blank, too long or not printable
   */
  public static InvoiceId of(String value) {
    return new InvoiceId(value);
  }
}
