package nl.pakketten.revenue;

import java.util.Objects;

/**
 * The practice-wide account codes used where a package names none. The defaults are placeholders;
 * a host sets the codes of its chart of accounts.
 *
 * @param defaultLedgerAccount the revenue account (grootboekrekening) of a package without a
 *     ledger account of its own
 * @param defaultBalanceSheetItem the deferred-revenue account (balanspost) of a package without a
 *     balance-sheet item of its own
 * @param paymentsClearing the account the registered payments of package invoices are debited to
 * @param importsOffset the counter-account of imported credits
 * @param receivables the account of what patients owe: the value of credits spent before their
 *     payment was reversed
 */
public record Bookkeeping(
    String defaultLedgerAccount, String defaultBalanceSheetItem, String paymentsClearing, String importsOffset,
    String receivables) {
  /**
   * The practice's account codes, all required.
   *
   * @param defaultLedgerAccount the revenue account of a package without one
   * @param defaultBalanceSheetItem the deferred-revenue account of a package without one
   * @param paymentsClearing the account registered payments are debited to
   * @param importsOffset the counter-account of imported credits
   * @param receivables the account of what patients owe after a reversed payment
   */
  public Bookkeeping {
    Objects.requireNonNull(defaultLedgerAccount, "defaultLedgerAccount");
    Objects.requireNonNull(defaultBalanceSheetItem, "defaultBalanceSheetItem");
    Objects.requireNonNull(paymentsClearing, "paymentsClearing");
    Objects.requireNonNull(importsOffset, "importsOffset");
    Objects.requireNonNull(receivables, "receivables");
  }

  /**
   * The practice's account codes, with the default receivables account ({@value #DEFAULT_RECEIVABLES}).
   *
   * @param defaultLedgerAccount the revenue account of a package without one
   * @param defaultBalanceSheetItem the deferred-revenue account of a package without one
   * @param paymentsClearing the account registered payments are debited to
   * @param importsOffset the counter-account of imported credits
   */
  public Bookkeeping(
      String defaultLedgerAccount, String defaultBalanceSheetItem, String paymentsClearing, String importsOffset) {
    this(defaultLedgerAccount, defaultBalanceSheetItem, paymentsClearing, importsOffset, DEFAULT_RECEIVABLES);
  }

  /** The placeholder code of the receivables account. */
  public static final String DEFAULT_RECEIVABLES = "1310";

  /**
   * These codes with another receivables account.
   *
   * @param receivables the account of what patients owe after a reversed payment
   * @return the changed codes
   */
  public Bookkeeping withReceivables(String receivables) {
    return new Bookkeeping(defaultLedgerAccount, defaultBalanceSheetItem, paymentsClearing, importsOffset, receivables);
  }

  /**
   * Placeholder codes: revenue 8000, deferred revenue 1700, payments clearing 1300, imports offset
   * 8900, receivables 1310.
   *
   * @return the defaults, for a host that has not set its chart of accounts yet
   */
  public static Bookkeeping defaults() {
    return new Bookkeeping("8000", "1700", "1300", "8900", DEFAULT_RECEIVABLES);
  }
}
