package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** A ledger account (grootboekrekening): where revenue of a package is booked. */
public final class LedgerAccount extends Identifier {
  private LedgerAccount(String value) {
    super("ledgerAccount", value);
  }

  /**
   * The {@code LedgerAccount} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws nl.pakketten.common.InvalidInputException when {@code value} is null, blank, too long
   *     or not printable
   */
  public static LedgerAccount of(String value) {
    return new LedgerAccount(value);
  }
}
