package nl.pakketten.revenue;

/**
 * What a journal entry books: the movement it came from. Stored with each entry, so a report
 * classifies the lines of a balance-sheet item (sold, recognised, expired, …) without reading the
 * history. A change of an appointment's type books a {@link #GIVE_BACK} and a {@link #SPEND}, one
 * entry each.
 */
public enum EntryKind {
  /** Credits sold: a registered payment granted a lot (debit payments clearing, credit the item). */
  SALE,
  /** Credits imported (debit imports offset, credit the item). */
  IMPORT,
  /** Credits spent on care: revenue recognised (debit the item, credit revenue). */
  SPEND,
  /** Spent credits given back (a cancellation, a no-show given back, a type change): revenue reversed. */
  GIVE_BACK,
  /** Credits past their last day: their remaining value to breakage. */
  EXPIRY,
  /** Credits refunded: their value to refunds payable, any part not paid back to breakage. */
  REFUND,
  /**
   * A payment reversed: its unspent credits revoked (debit the item, credit payments clearing), or
   * the value of its used credits booked as a receivable from the patient.
   */
  REVERSAL,
  /** Credits transferred to another patient: the item debited for the giver and credited for the receiver. */
  TRANSFER
}
