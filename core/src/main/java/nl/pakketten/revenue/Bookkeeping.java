package nl.pakketten.revenue;

import java.util.Objects;

/**
 * The practice-wide account codes used where a package names none. The defaults are placeholders;
 * a host sets the codes of its chart of accounts.
 */
public record Bookkeeping(
    String defaultLedgerAccount, String defaultBalanceSheetItem, String paymentsClearing, String importsOffset) {
  public Bookkeeping {
    Objects.requireNonNull(defaultLedgerAccount, "defaultLedgerAccount");
    Objects.requireNonNull(defaultBalanceSheetItem, "defaultBalanceSheetItem");
    Objects.requireNonNull(paymentsClearing, "paymentsClearing");
    Objects.requireNonNull(importsOffset, "importsOffset");
  }

  /** Revenue 8000, deferred revenue 1700, payments clearing 1300, imports offset 8900. */
  public static Bookkeeping defaults() {
    return new Bookkeeping("8000", "1700", "1300", "8900");
  }
}
