package nl.pakketten.testing;

import static nl.pakketten.testing.Fixtures.OTHER_PRACTICE;
import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.ReversalId;
import nl.pakketten.granting.ReversePayment;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.LiabilityRollForward;
import nl.pakketten.revenue.RevenueReport;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.RefundCredits;
import nl.pakketten.wallet.RefundId;
import nl.pakketten.wallet.TransferCredits;
import nl.pakketten.wallet.TransferId;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The liability roll-forward and the revenue report (issue 11, item 5): every kind of movement in
 * its column, opening + movements = closing = the journal's balance, the period's bounds, two
 * balance-sheet items and two packages, other practices left out, and bad input. Written once, run
 * on every storage: subclass it and implement {@link #newStorage()} with an empty storage.
 */
public abstract class ReportsContract {
  /** An empty storage to test; called once per test. */
  protected abstract Storage newStorage();

  private static final PatientId PARTNER = PatientId.of("patient-2");
  private static final BalanceSheetItem ITEM_A = BalanceSheetItem.of("1700");
  private static final BalanceSheetItem ITEM_B = BalanceSheetItem.of("1710");
  /** The period's bounds: the day after the fixtures' start, for a day. */
  private static final Instant FROM = Fixtures.START.plusSeconds(86_400);
  private static final Instant TO = FROM.plusSeconds(86_400);

  private Fixtures f;
  private PackageId fysio;
  private PackageId massage;

  @BeforeEach
  void setUp() {
    f = new Fixtures(newStorage());
    // Package A on the default accounts (item 1700, revenue and breakage 8000).
    fysio = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO10", fysio, 10, eur("400.00"));
    f.linkType("fysio", fysio, 1);
    // Package B on its own item (1710), revenue account (8010) and breakage account (8090).
    massage = f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(PackageId.of("massage")).name("Massage").internalRate(eur("25.00"))
        .balanceSheetItem(ITEM_B).ledgerAccount(LedgerAccount.of("8010")).breakageAccount(LedgerAccount.of("8090"))
        .build()).id();
    f.linkProduct("MASSAGE4", massage, 4, eur("100.00"));
    f.linkType("massage", massage, 1);
    // Another practice's books, which no report of PRACTICE may show.
    PackageId other = f.createPackage(OTHER_PRACTICE, "Other", eur("10.00")).id();
    f.linkProduct(OTHER_PRACTICE, "OTHER5", other, 5, eur("50.00"));
    f.pakketten.registerPayment(Fixtures.invoice(OTHER_PRACTICE, "O-1", PATIENT, InvoiceLine.of("OTHER5", 1,
        eur("50.00"))));
  }

  private LotId pay(String invoice, PatientId patient, String product, Money price) {
    return f.pay(invoice, patient, InvoiceLine.of(product, 1, price)).grants().get(0).lotId();
  }

  /**
   * A journal with every kind of entry: before the period a sale (A, 400.00), two imports (B, 125.00
   * and 50.00 valid until the period's first day) and a spend (A, 40.00); at its first instant a
   * sale to the partner (A, 400.00); in it a spend, a spend given back (B), a partial refund (A, 2
   * credits worth 80.00 refunded with 60.00), the expiry of the short import (B, 50.00), the
   * partner's spend (A), transfer of 2 credits (A, 80.00) to the patient and the reversal of the
   * partner's payment (7 unspent credits, 280.00; the rest receivable); at the period's end a sale
   * (B, 100.00) that it leaves out.
   */
  private void bookEveryKind() {
    LotId paid = pay("F-1", PATIENT, "FYSIO10", eur("400.00"));
    f.importCredits("I-1", PATIENT, massage, 5, eur("25.00"));
    f.importCredits("I-2", PATIENT, massage, 2, eur("25.00"), LocalDate.of(2026, 3, 3));
    f.schedule("A1", PATIENT, "fysio");

    f.clock.set(FROM);
    LotId partners = pay("F-2", PARTNER, "FYSIO10", eur("400.00"));
    f.clock.set(FROM.plusSeconds(3_600));
    f.schedule("A2", PATIENT, "fysio");
    f.schedule("A3", PATIENT, "massage");
    f.cancel("A3");
    f.pakketten.refundCredits(RefundCredits.builder().practice(PRACTICE).actor(OWNER).refundId(RefundId.of("R-1"))
        .patient(PATIENT).packageId(fysio).lot(paid).credits(2).amount(eur("60.00")).reason("moved away").build());
    f.clock.set(FROM.plusSeconds(20 * 3_600));
    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(2026, 3, 4)));
    f.schedule("A4", PARTNER, "fysio");
    f.pakketten.transferCredits(TransferCredits.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .transferId(TransferId.of("T-1")).from(PARTNER).lot(partners).credits(2).to(PATIENT).build());
    f.pakketten.reversePayment(ReversePayment.builder().practice(PRACTICE).actor(OWNER)
        .reversalId(ReversalId.of("V-1")).patient(PARTNER).invoiceId(InvoiceId.of("F-2"))
        .reason("direct debit bounced").build());

    f.clock.set(TO);
    pay("F-3", PATIENT, "MASSAGE4", eur("100.00"));
  }

  private static LiabilityRollForward.Line line(BalanceSheetItem item, PackageId pkg, String opening, String sold,
      String imported, String recognised, String givenBack, String expired, String refunded, String reversed,
      String in, String out, String closing) {
    return new LiabilityRollForward.Line(item, pkg, eur(opening), eur(sold), eur(imported), eur(recognised),
        eur(givenBack), eur(expired), eur(refunded), eur(reversed), eur(in), eur(out), eur(closing));
  }

  private LiabilityRollForward.Line fysioLine() {
    return line(ITEM_A, fysio, "360.00", "400.00", "0.00", "-80.00", "0.00", "0.00", "-80.00", "-280.00", "80.00",
        "-80.00", "320.00");
  }

  private LiabilityRollForward.Line massageLine() {
    return line(ITEM_B, massage, "175.00", "0.00", "0.00", "-25.00", "25.00", "-50.00", "0.00", "0.00", "0.00",
        "0.00", "125.00");
  }

  /** Credit − debit of the deferred-revenue lines per balance-sheet item, of the entries before {@code asOf}. */
  private Map<BalanceSheetItem, Money> journalBalances(Instant asOf) {
    Map<BalanceSheetItem, Money> balances = new HashMap<>();
    for (JournalEntry entry : Pages.journal(f.pakketten, PRACTICE, Instant.EPOCH, asOf)) {
      for (JournalLine line : entry.lines()) {
        if (line.role() == AccountRole.DEFERRED_REVENUE) {
          balances.merge(BalanceSheetItem.of(line.account()), line.signed().negated(), Money::plus);
        }
      }
    }
    return balances;
  }

  private static void assertInvalid(Runnable call, String field) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.violations()).extracting(FieldViolation::field).contains(field);
      assertThat(e.getMessage()).contains(field);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The entries' kinds

  @Test
  void everyJournalEntryIsStoredWithTheKindOfMovementItBooks() {
    bookEveryKind();

    List<EntryKind> kinds = f.journal().stream().map(JournalEntry::kind).toList();

    assertThat(kinds).containsExactly(EntryKind.SALE, EntryKind.IMPORT, EntryKind.IMPORT, EntryKind.SPEND,
        EntryKind.SALE, EntryKind.SPEND, EntryKind.SPEND, EntryKind.GIVE_BACK, EntryKind.REFUND, EntryKind.EXPIRY,
        EntryKind.SPEND, EntryKind.TRANSFER, EntryKind.REVERSAL, EntryKind.REVERSAL, EntryKind.SALE);
  }

  @Test
  void aTypeChangeBooksAGiveBackAndASpend() {
    pay("F-1", PATIENT, "FYSIO10", eur("400.00"));
    f.linkType("intake", fysio, 3);
    f.schedule("A1", PATIENT, "fysio");

    f.changeType("A1", "intake");

    assertThat(f.journal()).extracting(JournalEntry::kind)
        .containsExactly(EntryKind.SALE, EntryKind.SPEND, EntryKind.GIVE_BACK, EntryKind.SPEND);
  }

  // ---------------------------------------------------------------------------------------------
  // Liability roll-forward

  @Test
  void everyMovementLandsInItsColumnPerPackageAndBalanceSheetItem() {
    bookEveryKind();

    LiabilityRollForward report = f.pakketten.liabilityRollForward(PRACTICE, FROM, TO);

    assertThat(report.practice()).isEqualTo(PRACTICE);
    assertThat(report.from()).isEqualTo(FROM);
    assertThat(report.to()).isEqualTo(TO);
    assertThat(report.lines()).containsExactly(fysioLine(), massageLine());
    assertThat(report.totals()).containsExactly(
        line(ITEM_A, null, "360.00", "400.00", "0.00", "-80.00", "0.00", "0.00", "-80.00", "-280.00", "80.00",
            "-80.00", "320.00"),
        line(ITEM_B, null, "175.00", "0.00", "0.00", "-25.00", "25.00", "-50.00", "0.00", "0.00", "0.00", "0.00",
            "125.00"));
  }

  @Test
  void importsOfThePeriodAreInTheImportedColumn() {
    f.clock.set(FROM);
    f.importCredits("I-1", PATIENT, massage, 5, eur("25.00"));

    assertThat(f.pakketten.liabilityRollForward(PRACTICE, FROM, TO).lines()).containsExactly(
        line(ITEM_B, massage, "0.00", "0.00", "125.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
            "125.00"));
  }

  @Test
  void openingIsTheBalanceBeforeTheStartAndClosingTheJournalsBalanceAtTheEnd() {
    bookEveryKind();

    LiabilityRollForward report = f.pakketten.liabilityRollForward(PRACTICE, FROM, TO);

    Map<PackageId, Money> atFrom = f.pakketten.deferredByPackage(PRACTICE, FROM);
    Map<PackageId, Money> atTo = f.pakketten.deferredByPackage(PRACTICE, TO);
    for (LiabilityRollForward.Line l : report.lines()) {
      assertThat(l.opening()).isEqualTo(atFrom.get(l.packageId()));
      assertThat(l.closing()).isEqualTo(atTo.get(l.packageId()));
      assertThat(l.opening().plus(l.sold()).plus(l.imported()).plus(l.recognised()).plus(l.givenBack())
          .plus(l.expired()).plus(l.refunded()).plus(l.reversed()).plus(l.transferredIn()).plus(l.transferredOut()))
          .isEqualTo(l.closing());
    }
    Map<BalanceSheetItem, Money> closing = new HashMap<>();
    Map<BalanceSheetItem, Money> opening = new HashMap<>();
    for (LiabilityRollForward.Line t : report.totals()) {
      closing.put(t.item(), t.closing());
      opening.put(t.item(), t.opening());
    }
    assertThat(closing).isEqualTo(journalBalances(TO));
    assertThat(opening).isEqualTo(journalBalances(FROM));
  }

  @Test
  void anExportsTotalsBeforeItsPeriodAreTheJournalsLinesBeforeItInEveryRole() {
    bookEveryKind();

    Map<String, Money> expected = new java.util.TreeMap<>();
    for (JournalEntry entry : Pages.journal(f.pakketten, PRACTICE, Instant.EPOCH, TO)) {
      for (nl.pakketten.revenue.JournalLine line : entry.lines()) {
        expected.merge(line.role() + " " + line.account() + " " + line.side() + " " + entry.kind(), line.amount(),
            Money::plus);
      }
    }
    Map<String, Money> before = f.pakketten.readJournal(PRACTICE, OWNER, TO, TO.plusSeconds(1), period -> {
      Map<String, Money> sums = new java.util.TreeMap<>();
      for (nl.pakketten.revenue.JournalTotal t : period.totalsBefore()) {
        sums.merge(t.role() + " " + t.account() + " " + t.side() + " " + t.kind(), t.amount(), Money::plus);
      }
      return sums;
    });

    assertThat(before).isNotEmpty().isEqualTo(expected);
    assertThat(before.keySet()).anyMatch(k -> k.startsWith("RECEIVABLE")).anyMatch(k -> k.startsWith("BREAKAGE"));
  }

  @Test
  void anEntryAtTheStartIsInThePeriodAndOneAtTheEndIsNot() {
    f.clock.set(FROM);
    pay("F-1", PATIENT, "FYSIO10", eur("400.00"));
    f.clock.set(TO);
    pay("F-2", PATIENT, "MASSAGE4", eur("100.00"));

    assertThat(f.pakketten.liabilityRollForward(PRACTICE, FROM, TO).lines()).containsExactly(
        line(ITEM_A, fysio, "0.00", "400.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
            "400.00"));
    assertThat(f.pakketten.liabilityRollForward(PRACTICE, TO, TO.plusSeconds(1)).lines()).containsExactly(
        line(ITEM_A, fysio, "400.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
            "400.00"),
        line(ITEM_B, massage, "0.00", "100.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
            "100.00"));
  }

  @Test
  void aPeriodWithoutEntriesCarriesTheOpeningBalanceToTheClosing() {
    bookEveryKind();

    LiabilityRollForward empty = f.pakketten.liabilityRollForward(PRACTICE, TO.plusSeconds(60), TO.plusSeconds(60));
    LiabilityRollForward quiet = f.pakketten.liabilityRollForward(PRACTICE, TO.plusSeconds(60), Fixtures.FAR_FUTURE);

    List<LiabilityRollForward.Line> expected = List.of(
        line(ITEM_A, fysio, "320.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
            "320.00"),
        line(ITEM_B, massage, "225.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
            "225.00"));
    assertThat(empty.lines()).isEqualTo(expected);
    assertThat(quiet.lines()).isEqualTo(expected);
  }

  @Test
  void aPracticeWithoutEntriesHasAnEmptyRollForward() {
    assertThat(f.pakketten.liabilityRollForward(PRACTICE, FROM, TO).lines()).isEmpty();
    assertThat(f.pakketten.liabilityRollForward(PRACTICE, FROM, TO).totals()).isEmpty();
  }

  @Test
  void anotherPracticesEntriesAreNotInTheRollForward() {
    assertThat(f.pakketten.liabilityRollForward(OTHER_PRACTICE, Instant.EPOCH, Fixtures.FAR_FUTURE).totals())
        .extracting(LiabilityRollForward.Line::closing).containsExactly(eur("50.00"));
    bookEveryKind();
    assertThat(f.pakketten.liabilityRollForward(OTHER_PRACTICE, Instant.EPOCH, Fixtures.FAR_FUTURE).totals())
        .extracting(LiabilityRollForward.Line::closing).containsExactly(eur("50.00"));
  }

  @Test
  void aRollForwardLineThatDoesNotTieOutIsRefused() {
    assertThatThrownBy(() -> line(ITEM_A, fysio, "10.00", "1.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
        "0.00", "0.00", "10.00")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not tie out")
        .hasMessageContaining("11.00").hasMessageContaining("10.00");
  }

  // ---------------------------------------------------------------------------------------------
  // Revenue with breakage and refunds

  @Test
  void revenueIsReportedPerLedgerAccountWithBreakageAndRefunds() {
    bookEveryKind();

    RevenueReport report = f.pakketten.revenueReport(PRACTICE, FROM, TO);

    assertThat(report.accounts()).containsExactly(
        new RevenueReport.AccountLine(LedgerAccount.of("8000"), eur("80.00"), eur("0.00"), eur("20.00")),
        new RevenueReport.AccountLine(LedgerAccount.of("8010"), eur("0.00"), eur("0.00"), eur("0.00")),
        new RevenueReport.AccountLine(LedgerAccount.of("8090"), eur("0.00"), eur("50.00"), eur("0.00")));
    assertThat(report.refunds()).containsExactly(new RevenueReport.RefundLine("1620", eur("60.00")));
    assertThat(report.totals()).containsExactly(
        new RevenueReport.Total(eur("80.00"), eur("50.00"), eur("20.00"), eur("60.00")));
    assertThat(report.totals().get(0).revenue()).isEqualTo(eur("150.00"));
    assertThat(report.accounts().get(0).revenue()).isEqualTo(eur("100.00"));
  }

  @Test
  void earnedRevenueIsWhatRevenueByLedgerAccountAnswers() {
    bookEveryKind();

    Map<LedgerAccount, Money> earned = new HashMap<>();
    for (RevenueReport.AccountLine l : f.pakketten.revenueReport(PRACTICE, FROM, TO).accounts()) {
      if (!l.account().value().equals("8090")) {
        earned.put(l.account(), l.earned());
      }
    }

    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, FROM, TO)).isEqualTo(earned)
        .containsEntry(LedgerAccount.of("8000"), eur("80.00")).containsEntry(LedgerAccount.of("8010"), eur("0.00"));
    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, Fixtures.FAR_FUTURE))
        .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(LedgerAccount.of("8000"), eur("120.00"),
            LedgerAccount.of("8010"), eur("0.00"))));
  }

  @Test
  void theRevenueReportLeavesOutEntriesOutsideThePeriodAndOtherPractices() {
    bookEveryKind();

    assertThat(f.pakketten.revenueReport(PRACTICE, TO, Fixtures.FAR_FUTURE).accounts()).isEmpty();
    assertThat(f.pakketten.revenueReport(PRACTICE, TO, TO).totals()).isEmpty();
    RevenueReport before = f.pakketten.revenueReport(PRACTICE, Instant.EPOCH, FROM);
    assertThat(before.accounts()).containsExactly(
        new RevenueReport.AccountLine(LedgerAccount.of("8000"), eur("40.00"), eur("0.00"), eur("0.00")));
    assertThat(before.refunds()).isEmpty();
    assertThat(f.pakketten.revenueReport(OTHER_PRACTICE, Instant.EPOCH, Fixtures.FAR_FUTURE).accounts()).isEmpty();
  }

  @Test
  void deferredByPackageIsTheSumOfTheDeferredLinesBeforeTheInstant() {
    bookEveryKind();

    assertThat(f.pakketten.deferredByPackage(PRACTICE, TO)).containsExactly(Map.entry(fysio, eur("320.00")),
        Map.entry(massage, eur("125.00")));
    assertThat(f.pakketten.deferredByPackage(PRACTICE, Fixtures.FAR_FUTURE)).containsExactly(
        Map.entry(fysio, eur("320.00")), Map.entry(massage, eur("225.00")));
  }

  // ---------------------------------------------------------------------------------------------
  // Bad input

  @Test
  void aPeriodThatEndsBeforeItStartsIsInvalidInputNamingTo() {
    assertInvalid(() -> f.pakketten.liabilityRollForward(PRACTICE, TO, FROM), "to");
    assertInvalid(() -> f.pakketten.revenueReport(PRACTICE, TO, FROM), "to");
  }

  @Test
  void missingArgumentsAreInvalidInputNamingEach() {
    List<Runnable> calls = new ArrayList<>();
    calls.add(() -> f.pakketten.liabilityRollForward(null, FROM, TO));
    calls.add(() -> f.pakketten.revenueReport(null, FROM, TO));
    for (Runnable call : calls) {
      assertInvalid(call, "practice");
    }
    assertInvalid(() -> f.pakketten.liabilityRollForward(PRACTICE, null, TO), "from");
    assertInvalid(() -> f.pakketten.liabilityRollForward(PRACTICE, FROM, null), "to");
    assertInvalid(() -> f.pakketten.revenueReport(PRACTICE, null, TO), "from");
    assertInvalid(() -> f.pakketten.revenueReport(PRACTICE, FROM, null), "to");
  }
}
