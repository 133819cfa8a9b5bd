package nl.pakketten.invoicing;

/** What an issued document is: a product invoice, or the credit note that cancels or refunds one. */
public enum DocumentKind {
  /** A product invoice: sells packages (and other products) to a patient. */
  PRODUCT_INVOICE,
  /** A credit note: cancels an unpaid invoice, or refunds (part of) a paid one; its own number. */
  CREDIT_NOTE
}
