package nl.pakketten.revenue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.common.PracticeId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What a practice earned in a period {@code from <= at < to}, per ledger account: revenue earned by
 * care and breakage (value kept without care), and beside it what it owes patients for refunded
 * credits. Read from the journal: the lines of role {@link AccountRole#REVENUE}, {@link
 * AccountRole#BREAKAGE} and {@link AccountRole#REFUNDS_PAYABLE}. Every amount is credit − debit of
 * those lines. See {@code docs/reports.md}.
 *
 * @param practice the practice
 * @param from the first instant of the period
 * @param to the first instant after it
 * @param accounts one line per ledger account and currency with revenue or breakage lines in the
 *     period, by account and currency
 * @param refunds one line per refunds-payable account and currency with lines in the period, by
 *     account and currency
 */
public record RevenueReport(
    PracticeId practice, Instant from, Instant to, List<AccountLine> accounts, List<RefundLine> refunds) {
  /**
   * A report.
   *
   * @param practice the practice
   * @param from the first instant of the period
   * @param to the first instant after it
   * @param accounts the ledger accounts' lines; copied and sorted by account and currency
   * @param refunds the refunds-payable accounts' lines; copied and sorted by account and currency
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  public RevenueReport {
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("A period cannot end (" + to + ") before it starts (" + from + ")");
    }
    List<AccountLine> a = new ArrayList<>(accounts);
    a.sort(Comparator.comparing((AccountLine l) -> l.account().value()).thenComparing(l -> l.currency().getCode()));
    accounts = List.copyOf(a);
    List<RefundLine> r = new ArrayList<>(refunds);
    r.sort(Comparator.comparing(RefundLine::account).thenComparing(l -> l.refunded().getCurrencyUnit().getCode()));
    refunds = List.copyOf(r);
  }

  /**
   * The totals of the period, one per currency (by currency code).
   *
   * @return the totals
   */
  public List<Total> totals() {
    Map<CurrencyUnit, Total> totals = new LinkedHashMap<>();
    for (AccountLine line : accounts) {
      Money zero = Money.zero(line.currency());
      totals.merge(line.currency(), new Total(line.earned(), line.expiryBreakage(), line.refundBreakage(), zero),
          Total::plus);
    }
    for (RefundLine line : refunds) {
      Money zero = Money.zero(line.refunded().getCurrencyUnit());
      totals.merge(line.refunded().getCurrencyUnit(), new Total(zero, zero, zero, line.refunded()), Total::plus);
    }
    List<Total> result = new ArrayList<>(totals.values());
    result.sort(Comparator.comparing(t -> t.earned().getCurrencyUnit().getCode()));
    return List.copyOf(result);
  }

  /**
   * One ledger account's revenue in the period.
   *
   * @param account the ledger account: a package's (or the practice's default) revenue account, or
   *     a package's breakage account
   * @param earned revenue earned by care: credit − debit of its {@link AccountRole#REVENUE} lines
   *     (spends less give-backs); what {@code revenueByLedgerAccount} answers
   * @param expiryBreakage breakage from expired credits: its {@link AccountRole#BREAKAGE} lines of
   *     {@link EntryKind#EXPIRY} entries
   * @param refundBreakage breakage from refunds: the part of refunded credits' value not paid back,
   *     its {@link AccountRole#BREAKAGE} lines of {@link EntryKind#REFUND} entries
   */
  public record AccountLine(LedgerAccount account, Money earned, Money expiryBreakage, Money refundBreakage) {
    /**
     * A line.
     *
     * @param account the ledger account
     * @param earned revenue earned by care
     * @param expiryBreakage breakage from expiries
     * @param refundBreakage breakage from refunds
     * @throws org.joda.money.CurrencyMismatchException when the amounts are in more than one
     *     currency
     */
    public AccountLine {
      Objects.requireNonNull(account, "account");
      earned.plus(expiryBreakage).plus(refundBreakage);
    }

    /**
     * The line's currency.
     *
     * @return the currency of its amounts
     */
    public CurrencyUnit currency() {
      return earned.getCurrencyUnit();
    }

    /**
     * All breakage on the account.
     *
     * @return expiry breakage plus refund breakage
     */
    public Money breakage() {
      return expiryBreakage.plus(refundBreakage);
    }

    /**
     * All the account's revenue: earned by care plus breakage.
     *
     * @return earned plus breakage
     */
    public Money revenue() {
      return earned.plus(breakage());
    }
  }

  /**
   * What the practice came to owe patients for refunded credits in the period, on one
   * refunds-payable account: credit − debit of its {@link AccountRole#REFUNDS_PAYABLE} lines.
   *
   * @param account the refunds-payable account code ({@link Bookkeeping#refundsPayable()})
   * @param refunded the amount refunded
   */
  public record RefundLine(String account, Money refunded) {
    /**
     * A line.
     *
     * @param account the account code
     * @param refunded the amount
     */
    public RefundLine {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(refunded, "refunded");
    }
  }

  /**
   * The period's totals in one currency.
   *
   * @param earned revenue earned by care, all accounts
   * @param expiryBreakage breakage from expiries
   * @param refundBreakage breakage from refunds
   * @param refunded owed to patients for refunds
   */
  public record Total(Money earned, Money expiryBreakage, Money refundBreakage, Money refunded) {
    /**
     * Totals.
     *
     * @param earned revenue earned by care
     * @param expiryBreakage breakage from expiries
     * @param refundBreakage breakage from refunds
     * @param refunded owed for refunds
     * @throws org.joda.money.CurrencyMismatchException when the amounts are in more than one
     *     currency
     */
    public Total {
      earned.plus(expiryBreakage).plus(refundBreakage).plus(refunded);
    }

    /**
     * All breakage.
     *
     * @return expiry breakage plus refund breakage
     */
    public Money breakage() {
      return expiryBreakage.plus(refundBreakage);
    }

    /**
     * All revenue: earned by care plus breakage.
     *
     * @return earned plus breakage
     */
    public Money revenue() {
      return earned.plus(breakage());
    }

    Total plus(Total o) {
      return new Total(earned.plus(o.earned), expiryBreakage.plus(o.expiryBreakage),
          refundBreakage.plus(o.refundBreakage), refunded.plus(o.refunded));
    }
  }
}
