package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** A balance-sheet item (balanspost): where prepaid, not yet earned money sits (deferred revenue). */
public final class BalanceSheetItem extends Identifier {
  private BalanceSheetItem(String value) {
    super("balanceSheetItem", value);
  }

  /**
   * The {@code BalanceSheetItem} with the given text, stripped of surrounding white space.
   *
   * @param value the text as the host knows it, at most {@value
   *     nl.pakketten.common.Identifier#MAX_LENGTH} characters
   * @return the identifier
   * @throws nl.pakketten.common.InvalidInputException when {@code value} is null, blank, too long
   *     or not printable
   */
  public static BalanceSheetItem of(String value) {
    return new BalanceSheetItem(value);
  }
}
