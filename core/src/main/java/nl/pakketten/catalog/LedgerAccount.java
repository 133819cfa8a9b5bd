package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** A ledger account (grootboekrekening): where revenue of a package is booked. */
public final class LedgerAccount extends Identifier {
  private LedgerAccount(String value) {
    super("ledgerAccount", value);
  }

  /** Returns the value, or throws {@code InvalidInputException} when it is blank or too long. */
  public static LedgerAccount of(String value) {
    return new LedgerAccount(value);
  }
}
