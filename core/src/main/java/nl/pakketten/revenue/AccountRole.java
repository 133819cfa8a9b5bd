package nl.pakketten.revenue;

/** The part an account plays in a journal entry. */
public enum AccountRole {
  /** A ledger account (grootboekrekening) where revenue is recognised. */
  REVENUE,
  /** A balance-sheet item (balanspost) holding prepaid, not yet earned money: a liability. */
  DEFERRED_REVENUE,
  /** Where the host's registered payments of package invoices are cleared against. */
  PAYMENTS_CLEARING,
  /** The counter-account of imported credits (they were paid outside this system, or are free). */
  IMPORTS_OFFSET,
  /**
   * Where value is booked that the practice keeps without delivering care: the remaining value of
   * expired credits, and the part of a refund's value not paid back.
   */
  BREAKAGE,
  /** What the practice owes a patient for refunded credits until it pays them back: a liability. */
  REFUNDS_PAYABLE,
  /** What a patient owes the practice: the value of credits spent before their payment was reversed. */
  RECEIVABLE
}
