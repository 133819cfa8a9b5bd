package nl.pakketten.internal.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalTotal;
import nl.pakketten.revenue.LiabilityRollForward;
import nl.pakketten.revenue.RevenueReport;
import nl.pakketten.revenue.Side;
import nl.pakketten.spi.Journal;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Reports a bookkeeper needs, read from the journal. The sums come from {@link Journal#totals}, so
 * each report is computed where the journal is kept (one {@code SUM ... GROUP BY} on the JDBC
 * adapter) and only the sums reach this class.
 *
 * @param journal the journal read
 * @param tx runs each read in a read transaction
 */
public record RevenueReads(Journal journal, TransactionRunner tx) {
  private static final Set<AccountRole> DEFERRED = EnumSet.of(AccountRole.DEFERRED_REVENUE);

  /** A page of the journal entries with {@code from <= at < to}, by booking time and order. */
  public Page<JournalEntry> journal(PracticeId practice, Instant from, Instant to, PageRequest request) {
    WalletReads.requirePageRequest(request);
    return tx.read("journal", practice, () -> journal.entries(practice, from, to, request));
  }

  /** Revenue recognised per ledger account with {@code from <= at < to} (credits − debits). */
  public Map<LedgerAccount, Money> revenueByLedgerAccount(PracticeId practice, Instant from, Instant to) {
    Map<LedgerAccount, Money> result = new TreeMap<>();
    for (JournalTotal t : tx.read("revenueByLedgerAccount", practice,
        () -> journal.totals(practice, from, to, EnumSet.of(AccountRole.REVENUE)))) {
      result.merge(LedgerAccount.of(t.account()), t.creditMinusDebit(), Money::plus);
    }
    return result;
  }

  /** Deferred revenue still outstanding per package at {@code asOf} (exclusive): credits − debits. */
  public Map<PackageId, Money> deferredByPackage(PracticeId practice, Instant asOf) {
    Map<PackageId, Money> result = new TreeMap<>();
    for (JournalTotal t : tx.read("deferredByPackage", practice,
        () -> journal.totals(practice, Instant.MIN, asOf, DEFERRED))) {
      if (t.packageId() != null) {
        result.merge(t.packageId(), t.creditMinusDebit(), Money::plus);
      }
    }
    return result;
  }

  /**
   * The liability roll-forward of {@code from <= at < to}: the sums of the deferred-revenue lines
   * before the period (the opening balances) and in it (by entry kind), both read in one
   * transaction. The closing balance is opening plus every line of the period whatever its kind,
   * so a line whose kind no column takes fails the line's tie-out check instead of vanishing.
   */
  public LiabilityRollForward liabilityRollForward(PracticeId practice, Instant from, Instant to) {
    requirePeriod(practice, from, to);
    List<List<JournalTotal>> sums = tx.read("liabilityRollForward", practice,
        () -> List.of(journal.totals(practice, Instant.MIN, from, DEFERRED), journal.totals(practice, from, to,
            DEFERRED)));
    Map<List<Object>, Money[]> rows = new LinkedHashMap<>();
    for (JournalTotal t : sums.get(0)) {
      Money[] row = row(rows, t);
      row[OPENING] = row[OPENING].plus(t.creditMinusDebit());
      row[CLOSING] = row[CLOSING].plus(t.creditMinusDebit());
    }
    for (JournalTotal t : sums.get(1)) {
      Money[] row = row(rows, t);
      int column = column(t.kind(), t.side());
      row[column] = row[column].plus(t.creditMinusDebit());
      row[CLOSING] = row[CLOSING].plus(t.creditMinusDebit());
    }
    List<LiabilityRollForward.Line> lines = new ArrayList<>(rows.size());
    rows.forEach((key, m) -> {
      if (Arrays.stream(m, OPENING, CLOSING).anyMatch(a -> !a.isZero())) {
        lines.add(new LiabilityRollForward.Line(BalanceSheetItem.of((String) key.get(0)), (PackageId) key.get(1),
            m[OPENING], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[CLOSING]));
      }
    });
    return new LiabilityRollForward(practice, from, to, lines);
  }

  private static final int OPENING = 0;
  private static final int CLOSING = 10;

  /** The roll-forward column of a deferred-revenue line: 1 sold ... 9 transferred out. */
  private static int column(EntryKind kind, Side side) {
    return switch (kind) {
      case SALE -> 1;
      case IMPORT -> 2;
      case SPEND -> 3;
      case GIVE_BACK -> 4;
      case EXPIRY -> 5;
      case REFUND -> 6;
      case REVERSAL -> 7;
      case TRANSFER -> side == Side.CREDIT ? 8 : 9;
    };
  }

  private static Money[] row(Map<List<Object>, Money[]> rows, JournalTotal t) {
    CurrencyUnit currency = t.amount().getCurrencyUnit();
    return rows.computeIfAbsent(Arrays.asList(t.account(), t.packageId(), currency), k -> {
      Money[] zero = new Money[CLOSING + 1];
      Arrays.fill(zero, Money.zero(currency));
      return zero;
    });
  }

  /**
   * Revenue earned by care, breakage and refunds of {@code from <= at < to}: the sums of the
   * revenue, breakage and refunds-payable lines of the period, in one read.
   */
  public RevenueReport revenueReport(PracticeId practice, Instant from, Instant to) {
    requirePeriod(practice, from, to);
    List<JournalTotal> sums = tx.read("revenueReport", practice, () -> journal.totals(practice, from, to,
        EnumSet.of(AccountRole.REVENUE, AccountRole.BREAKAGE, AccountRole.REFUNDS_PAYABLE)));
    Map<List<Object>, Money[]> accounts = new LinkedHashMap<>();
    Map<List<Object>, Money> refunds = new LinkedHashMap<>();
    for (JournalTotal t : sums) {
      CurrencyUnit currency = t.amount().getCurrencyUnit();
      if (t.role() == AccountRole.REFUNDS_PAYABLE) {
        refunds.merge(List.of(t.account(), currency), t.creditMinusDebit(), Money::plus);
        continue;
      }
      Money[] row = accounts.computeIfAbsent(List.of(t.account(), currency), k -> {
        Money[] zero = new Money[3];
        Arrays.fill(zero, Money.zero(currency));
        return zero;
      });
      int column = t.role() == AccountRole.REVENUE ? 0 : t.kind() == EntryKind.REFUND ? 2 : 1;
      row[column] = row[column].plus(t.creditMinusDebit());
    }
    List<RevenueReport.AccountLine> accountLines = new ArrayList<>();
    accounts.forEach((key, m) -> accountLines.add(
        new RevenueReport.AccountLine(LedgerAccount.of((String) key.get(0)), m[0], m[1], m[2])));
    List<RevenueReport.RefundLine> refundLines = new ArrayList<>();
    refunds.forEach((key, amount) -> refundLines.add(new RevenueReport.RefundLine((String) key.get(0), amount)));
    return new RevenueReport(practice, from, to, accountLines, refundLines);
  }

  /** Refuses a missing argument, or a period that ends before it starts (naming {@code to}). */
  private static void requirePeriod(PracticeId practice, Instant from, Instant to) {
    List<FieldViolation> problems = Periods.problems(practice, from, to);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
