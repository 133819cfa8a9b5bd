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
 * @param receivables the account of what patients owe: the value of credits spent before their
 *     payment was reversed
 * @param refundsPayable the liability account refunded credits are credited to until paid back
 */
public record Bookkeeping(
    String defaultLedgerAccount, String defaultBalanceSheetItem, String paymentsClearing, String importsOffset,
    String receivables, String refundsPayable) {
  /** The placeholder code of the receivables account. */
  public static final String DEFAULT_RECEIVABLES = "1310";

  /** The placeholder code of {@link #refundsPayable()}. */
  public static final String DEFAULT_REFUNDS_PAYABLE = "1620";

  /**
   * The practice's account codes, all required.
   *
   * @param defaultLedgerAccount the revenue account of a package without one
   * @param defaultBalanceSheetItem the deferred-revenue account of a package without one
   * @param paymentsClearing the account registered payments are debited to
   * @param importsOffset the counter-account of imported credits
   * @param receivables the account of what patients owe after a reversed payment
   * @param refundsPayable the account refunds are credited to
   */
  public Bookkeeping {
    Objects.requireNonNull(defaultLedgerAccount, "defaultLedgerAccount");
    Objects.requireNonNull(defaultBalanceSheetItem, "defaultBalanceSheetItem");
    Objects.requireNonNull(paymentsClearing, "paymentsClearing");
    Objects.requireNonNull(importsOffset, "importsOffset");
    Objects.requireNonNull(receivables, "receivables");
    Objects.requireNonNull(refundsPayable, "refundsPayable");
  }

  /**
   * The practice's account codes with receivables and refunds payable on their placeholders,
   * {@value #DEFAULT_RECEIVABLES} and {@value #DEFAULT_REFUNDS_PAYABLE}; change them with {@link
   * #withReceivables} and {@link #withRefundsPayable}.
   *
   * @param defaultLedgerAccount the revenue account of a package without one
   * @param defaultBalanceSheetItem the deferred-revenue account of a package without one
   * @param paymentsClearing the account registered payments are debited to
   * @param importsOffset the counter-account of imported credits
   */
  public Bookkeeping(
      String defaultLedgerAccount, String defaultBalanceSheetItem, String paymentsClearing, String importsOffset) {
    this(defaultLedgerAccount, defaultBalanceSheetItem, paymentsClearing, importsOffset, DEFAULT_RECEIVABLES,
        DEFAULT_REFUNDS_PAYABLE);
  }

  /**
   * These codes with another receivables account.
   *
   * @param receivables the account of what patients owe after a reversed payment
   * @return the changed codes
   */
  public Bookkeeping withReceivables(String receivables) {
    return new Bookkeeping(defaultLedgerAccount, defaultBalanceSheetItem, paymentsClearing, importsOffset, receivables,
        refundsPayable);
  }

  /**
   * These codes with another refunds-payable account.
   *
   * @param refundsPayable the account refunds are credited to
   * @return the changed codes
   */
  public Bookkeeping withRefundsPayable(String refundsPayable) {
    return new Bookkeeping(defaultLedgerAccount, defaultBalanceSheetItem, paymentsClearing, importsOffset, receivables,
        refundsPayable);
  }

  /**
   * Placeholder codes: revenue 8000, deferred revenue 1700, payments clearing 1300, imports offset
   * 8900, receivables 1310, refunds payable 1620.
   *
   * @return the defaults, for a host that has not set its chart of accounts yet
   */
  public static Bookkeeping defaults() {
    return new Bookkeeping("8000", "1700", "1300", "8900");
  }
}
