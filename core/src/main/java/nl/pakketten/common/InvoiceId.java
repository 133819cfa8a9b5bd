package nl.pakketten.common;


/** Identifies a product invoice of the host; the key that makes registering its payment idempotent. */
public final class InvoiceId extends Identifier {
  private InvoiceId(String value) {
    super("invoiceId", value);
  }

  /** Returns the value, or throws {@code InvalidInputException} when it is blank or too long. */
  public static InvoiceId of(String value) {
    return new InvoiceId(value);
  }
}
