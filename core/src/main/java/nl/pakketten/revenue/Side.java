package nl.pakketten.revenue;

/** Debit or credit. */
public enum Side {
  /**
   * The left side of the account: an increase of an asset, a decrease of a liability or revenue.
   */
  DEBIT,
  /**
   * The right side of the account: an increase of a liability or revenue, a decrease of an asset.
   */
  CREDIT
}
