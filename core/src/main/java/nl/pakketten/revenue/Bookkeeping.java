package nl.pakketten.revenue;

import java.util.Objects;

/**
 * The practice-wide account codes used where a package names none. The defaults are placeholders;
 * a host sets the codes of its chart of accounts.
 *
 * <p>Breakage (the value of expired credits, and the part of a refund not paid back) is booked on a
 * package's breakage account when it names one, and otherwise on the lot's revenue account (the
 * package's ledger account, or {@link #defaultLedgerAccount()}); the journal line's role {@link
 * AccountRole#BREAKAGE} tells it apart from revenue earned by care.
 *
 * @param defaultLedgerAccount the revenue account (grootboekrekening) of a package without a
 *     ledger account of its own
 * @param defaultBalanceSheetItem the deferred-revenue account (balanspost) of a package without a
 *     balance-sheet item of its own
 * @param paymentsClearing the account the registered payments of package invoices are debited to
 * @param importsOffset the counter-account of imported credits
 * @param refundsPayable the liability account refunded credits are credited to until paid back
 */
public record Bookkeeping(
    String defaultLedgerAccount, String defaultBalanceSheetItem, String paymentsClearing, String importsOffset,
    String refundsPayable) {
  /** The placeholder code of {@link #refundsPayable()}. */
  public static final String DEFAULT_REFUNDS_PAYABLE = "1620";

  /**
   * The practice's account codes, all required.
   *
   * @param defaultLedgerAccount the revenue account of a package without one
   * @param defaultBalanceSheetItem the deferred-revenue account of a package without one
   * @param paymentsClearing the account registered payments are debited to
   * @param importsOffset the counter-account of imported credits
   * @param refundsPayable the account refunds are credited to
   */
  public Bookkeeping {
    Objects.requireNonNull(defaultLedgerAccount, "defaultLedgerAccount");
    Objects.requireNonNull(defaultBalanceSheetItem, "defaultBalanceSheetItem");
    Objects.requireNonNull(paymentsClearing, "paymentsClearing");
    Objects.requireNonNull(importsOffset, "importsOffset");
    Objects.requireNonNull(refundsPayable, "refundsPayable");
  }

  /**
   * The practice's account codes with refunds payable on its placeholder, {@value
   * #DEFAULT_REFUNDS_PAYABLE}.
   *
   * @param defaultLedgerAccount the revenue account of a package without one
   * @param defaultBalanceSheetItem the deferred-revenue account of a package without one
   * @param paymentsClearing the account registered payments are debited to
   * @param importsOffset the counter-account of imported credits
   */
  public Bookkeeping(
      String defaultLedgerAccount, String defaultBalanceSheetItem, String paymentsClearing, String importsOffset) {
    this(defaultLedgerAccount, defaultBalanceSheetItem, paymentsClearing, importsOffset, DEFAULT_REFUNDS_PAYABLE);
  }

  /**
   * Placeholder codes: revenue 8000, deferred revenue 1700, payments clearing 1300, imports offset
   * 8900, refunds payable 1620.
   *
   * @return the defaults, for a host that has not set its chart of accounts yet
   */
  public static Bookkeeping defaults() {
    return new Bookkeeping("8000", "1700", "1300", "8900", DEFAULT_REFUNDS_PAYABLE);
  }
}
