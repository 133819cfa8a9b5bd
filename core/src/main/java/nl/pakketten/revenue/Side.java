package nl.pakketten.revenue;

/** Debit or credit. */
public enum Side {
  DEBIT,
  CREDIT
}
