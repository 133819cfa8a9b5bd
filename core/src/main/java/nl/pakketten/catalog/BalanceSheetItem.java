package nl.pakketten.catalog;

import nl.pakketten.common.Identifier;

/** A balance-sheet item (balanspost): where prepaid, not yet earned money sits (deferred revenue). */
public final class BalanceSheetItem extends Identifier {
  private BalanceSheetItem(String value) {
    super("balanceSheetItem", value);
  }

  /** Returns the value, or throws {@code InvalidInputException} when it is blank or too long. */
  public static BalanceSheetItem of(String value) {
    return new BalanceSheetItem(value);
  }
}
