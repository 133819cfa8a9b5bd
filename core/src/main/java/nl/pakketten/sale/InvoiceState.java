package nl.pakketten.sale;

/** Where a product invoice is in its life. */
public enum InvoiceState {
  /** Lines may still be added; no number yet. */
  DRAFT,
  /** Numbered and fixed; not sent yet. */
  ISSUED,
  /** Mailed to the patient; nothing paid. */
  SENT,
  /** Some payments, less than the total. */
  PARTIALLY_PAID,
  /** Paid in full (perhaps more): its credits were granted. */
  PAID,
  /** Cancelled by a credit note; never paid. */
  CANCELLED
}
