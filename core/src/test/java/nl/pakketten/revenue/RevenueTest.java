package nl.pakketten.revenue;

import static nl.pakketten.testing.Fixtures.FAR_FUTURE;
import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.START;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.UpdatePackage;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Internal-rate revenue: deferred when credits arrive, recognised when they are used, exact to the cent. */
class RevenueTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur("33.33"));

  RevenueTest() {
    f.linkProduct("P3", basis.id(), 3, eur(100));
    f.linkType("T1", basis.id(), 1);
    f.linkType("T2", basis.id(), 2);
    f.linkType("T3", basis.id(), 3);
  }

  private List<Money> revenueOf(MovementKind kind) {
    return f.history(PATIENT).stream().filter(m -> m.kind() == kind).map(Movement::revenue).toList();
  }

  private Lot onlyLot() {
    return f.lots(PATIENT).stream().reduce((a, b) -> {
      throw new AssertionError("more than one lot");
    }).orElseThrow();
  }

  private CreditPackage packageWith(String name, Money rate, String ledger, String balanceSheet) {
    return f.pakketten.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(PackageId.of(name.toLowerCase())).name(name).internalRate(rate)
        .ledgerAccount(LedgerAccount.of(ledger)).balanceSheetItem(BalanceSheetItem.of(balanceSheet)).build());
  }

  @Test
  void spendRecognisesCreditsTimesTheLotRate() {
    f.importCredits("I1", PATIENT, basis.id(), 10, eur(25));

    f.schedule("A1", PATIENT, "T2");

    assertThat(revenueOf(MovementKind.SPENT)).containsExactly(eur(50));
    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, FAR_FUTURE)).containsExactly(
        Map.entry(LedgerAccount.of("8000"), eur(50)));
  }

  @Test
  void giveBackReversesTheRevenue() {
    f.importCredits("I1", PATIENT, basis.id(), 10, eur(25));
    f.schedule("A1", PATIENT, "T2");

    f.cancel("A1");

    assertThat(revenueOf(MovementKind.GIVEN_BACK)).containsExactly(eur(-50));
    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, FAR_FUTURE)).containsExactly(
        Map.entry(LedgerAccount.of("8000"), eur(0)));
    assertThat(f.pakketten.deferredByPackage(PRACTICE, FAR_FUTURE)).containsExactly(
        Map.entry(basis.id(), eur(250)));
    assertThat(onlyLot().recognisedRevenue()).isEqualTo(eur(0));
  }

  @Test
  void giveBackReversesRevenueOnTheAccountTheSpendWasBookedOnEvenAfterTheAccountChanged() {
    CreditPackage pkg = packageWith("Lots", eur(25), "8000", "1700");
    f.linkType("TL", pkg.id(), 1);
    f.importCredits("I1", PATIENT, pkg.id(), 5, eur(25));
    f.schedule("A1", PATIENT, "TL");

    f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(pkg.id())
        .name("Lots").internalRate(eur(25)).ledgerAccount(LedgerAccount.of("8010"))
        .balanceSheetItem(BalanceSheetItem.of("1710")).build());
    f.cancel("A1");

    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, FAR_FUTURE)).containsExactly(
        Map.entry(LedgerAccount.of("8000"), eur(0)));
    assertThat(onlyLotOf(pkg).revenueAccount()).isEqualTo(LedgerAccount.of("8000"));
  }

  private Lot onlyLotOf(CreditPackage pkg) {
    return f.lots(PATIENT).stream().filter(l -> l.packageId().equals(pkg.id())).findFirst().orElseThrow();
  }

  @Test
  void lastCreditOfALotRecognisesTheRemainderToTheCent() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P3", 1, eur(100)));

    f.schedule("A1", PATIENT, "T1");
    f.schedule("A2", PATIENT, "T1");
    f.schedule("A3", PATIENT, "T1");

    assertThat(revenueOf(MovementKind.SPENT)).containsExactly(eur("33.33"), eur("33.33"), eur("33.34"));
    assertThat(onlyLot().recognisedRevenue()).isEqualTo(eur(100));
  }

  @Test
  void aLotPaidLessThanCreditsTimesRateRecognisesExactlyWhatWasPaid() {
    CreditPackage discounted = f.createPackage("Korting", eur(40));
    f.linkProduct("K3", discounted.id(), 3, eur(120));
    f.linkType("K1", discounted.id(), 1);
    f.pay("F-1", PATIENT, InvoiceLine.of("K3", 1, eur(100)));

    f.schedule("A1", PATIENT, "K1");
    f.schedule("A2", PATIENT, "K1");
    f.schedule("A3", PATIENT, "K1");

    assertThat(revenueOf(MovementKind.SPENT)).containsExactly(eur(40), eur(40), eur(20));
    assertThat(onlyLot().recognisedRevenue()).isEqualTo(eur(100));
  }

  @Test
  void aLotPaidMoreThanCreditsTimesRateRecognisesTheRestOnItsLastCredit() {
    CreditPackage cheap = f.createPackage("Goedkoop", eur(30));
    f.linkProduct("G3", cheap.id(), 3, eur(90));
    f.linkType("G1", cheap.id(), 1);
    f.pay("F-1", PATIENT, InvoiceLine.of("G3", 1, eur(100)));

    f.schedule("A1", PATIENT, "G1");
    f.schedule("A2", PATIENT, "G1");
    f.schedule("A3", PATIENT, "G1");

    assertThat(revenueOf(MovementKind.SPENT)).containsExactly(eur(30), eur(30), eur(40));
  }

  @Test
  void spendingAWholeLotAtOnceRecognisesItsDeferredValue() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P3", 1, eur(100)));

    f.schedule("A1", PATIENT, "T3");

    assertThat(revenueOf(MovementKind.SPENT)).containsExactly(eur(100));
  }

  @Test
  void aLotUsedUpAfterGiveBacksStillRecognisesExactlyItsDeferredValue() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P3", 1, eur(100)));
    f.schedule("A1", PATIENT, "T2");
    f.schedule("A2", PATIENT, "T1");
    f.cancel("A1");
    f.schedule("A3", PATIENT, "T1");
    f.schedule("A4", PATIENT, "T1");

    Money net = f.history(PATIENT).stream().map(Movement::revenue).reduce(Money::plus).orElseThrow();
    assertThat(net).isEqualTo(eur(100));
    assertThat(onlyLot().recognisedRevenue()).isEqualTo(eur(100));
    assertThat(onlyLot().creditsRemaining()).isZero();
  }

  @Test
  void revenueStaysAtTheLotRateAfterThePackageRateChanges() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P3", 1, eur(100)));
    f.pakketten.updatePackage(UpdatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(basis.id())
        .name("Basis").internalRate(eur(50)).build());

    f.schedule("A1", PATIENT, "T1");

    assertThat(revenueOf(MovementKind.SPENT)).containsExactly(eur("33.33"));
  }

  @Test
  void everyJournalEntryBalances() {
    Fixtures g = new Fixtures(InMemoryStorage.create(),
        Pakketten.builder().lateCancellationPolicy(LateCancellationPolicy.keepCreditsWithin(Duration.ofHours(1))));
    CreditPackage pkg = g.createPackage("Basis", eur("33.33"));
    g.linkProduct("P3", pkg.id(), 3, eur(100));
    g.linkType("T2", pkg.id(), 2);
    g.pay("F-1", PATIENT, InvoiceLine.of("P3", 2, eur(199)));
    g.importCredits("I1", PATIENT, pkg.id(), 4, eur("12.34"), LocalDate.of(2026, 3, 10));
    g.schedule("A1", PATIENT, "T2");
    g.schedule("A2", PATIENT, "T2");
    g.cancel("A1");
    g.clock.advance(Duration.ofDays(30));
    g.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(2026, 4, 1)));

    List<JournalEntry> journal = g.journal();

    assertThat(journal).hasSizeGreaterThanOrEqualTo(6);
    assertThat(journal).allSatisfy(entry -> {
      Money debit = sum(entry, Side.DEBIT);
      Money credit = sum(entry, Side.CREDIT);
      assertThat(debit).as(entry.description()).isEqualTo(credit);
    });
  }

  @Test
  void paymentDefersTheLineAmountOnTheBalanceSheet() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P3", 1, eur(100)));

    assertThat(f.journal()).singleElement().satisfies(entry -> {
      assertThat(entry.lines()).extracting(JournalLine::account, JournalLine::role, JournalLine::side,
          JournalLine::amount).containsExactly(
              tuple("1300", AccountRole.PAYMENTS_CLEARING, Side.DEBIT, eur(100)),
              tuple("1700", AccountRole.DEFERRED_REVENUE, Side.CREDIT, eur(100)));
      assertThat(entry.patient()).isEqualTo(PATIENT);
      assertThat(entry.packageId()).isEqualTo(basis.id());
      assertThat(entry.lot()).isEqualTo(onlyLot().id());
      assertThat(entry.sourceKey()).isEqualTo("invoice:F-1#1");
      assertThat(entry.at()).isEqualTo(START);
    });
  }

  @Test
  void importDefersItsValueAgainstTheImportsOffset() {
    f.importCredits("I1", PATIENT, basis.id(), 4, eur(25));

    assertThat(f.journal()).singleElement().satisfies(entry -> assertThat(entry.lines())
        .extracting(JournalLine::account, JournalLine::side, JournalLine::amount).containsExactly(
            tuple("8900", Side.DEBIT, eur(100)),
            tuple("1700", Side.CREDIT, eur(100))));
  }

  @Test
  void spendMovesRevenueFromTheBalanceSheetToTheLedgerAccount() {
    f.importCredits("I1", PATIENT, basis.id(), 4, eur(25));

    f.schedule("A1", PATIENT, "T1");

    assertThat(f.journal()).last().satisfies(entry -> {
      assertThat(entry.lines()).extracting(JournalLine::account, JournalLine::role, JournalLine::side,
          JournalLine::amount).containsExactly(
              tuple("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, eur(25)),
              tuple("8000", AccountRole.REVENUE, Side.CREDIT, eur(25)));
      assertThat(entry.sourceKey()).isEqualTo("appointment:A1");
    });
  }

  @Test
  void thePackagesLedgerAccountAndBalanceSheetItemAreUsed() {
    CreditPackage own = packageWith("Eigen", eur(20), "8010", "1710");
    f.linkType("E1", own.id(), 1);
    f.importCredits("I1", PATIENT, own.id(), 4, eur(20));

    f.schedule("A1", PATIENT, "E1");

    assertThat(f.journal()).extracting(e -> e.lines().stream().map(JournalLine::account).toList()).containsExactly(
        List.of("8900", "1710"), List.of("1710", "8010"));
  }

  @Test
  void thePracticeDefaultsAreUsedWhereThePackageNamesNoAccounts() {
    Fixtures g = new Fixtures(InMemoryStorage.create(),
        Pakketten.builder().bookkeeping(new Bookkeeping("8100", "1800", "1350", "8950")));
    CreditPackage pkg = g.createPackage("Basis", eur(30));
    g.linkProduct("P1", pkg.id(), 1, eur(30));
    g.linkType("T1", pkg.id(), 1);
    g.pay("F-1", PATIENT, InvoiceLine.of("P1", 1, eur(30)));
    g.importCredits("I1", PATIENT, pkg.id(), 1, eur(30));

    g.schedule("A1", PATIENT, "T1");

    assertThat(g.journal()).extracting(e -> e.lines().stream().map(JournalLine::account).toList()).containsExactly(
        List.of("1350", "1800"), List.of("8950", "1800"), List.of("1800", "8100"));
  }

  @Test
  void revenueByLedgerAccountSumsEachAccountWithinThePeriod() {
    CreditPackage a = packageWith("Fysio", eur(30), "8010", "1710");
    CreditPackage b = packageWith("Oefen", eur(20), "8020", "1720");
    f.linkType("FA", a.id(), 1);
    f.linkType("FB", b.id(), 1);
    f.importCredits("I1", PATIENT, a.id(), 5, eur(30));
    f.importCredits("I2", PATIENT, b.id(), 5, eur(20));
    f.schedule("A1", PATIENT, "FA");
    f.schedule("A2", PATIENT, "FA");
    f.schedule("A3", PATIENT, "FB");
    f.clock.advance(Duration.ofDays(40));
    f.schedule("A4", PATIENT, "FA");

    Instant periodEnd = START.plus(Duration.ofDays(31));

    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, START, periodEnd)).containsExactly(
        Map.entry(LedgerAccount.of("8010"), eur(60)), Map.entry(LedgerAccount.of("8020"), eur(20)));
    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, periodEnd, FAR_FUTURE)).containsExactly(
        Map.entry(LedgerAccount.of("8010"), eur(30)));
  }

  @Test
  void deferredByPackageShowsWhatIsStillOutstandingAtADate() {
    f.pay("F-1", PATIENT, InvoiceLine.of("P3", 1, eur(100)));
    f.clock.advance(Duration.ofDays(1));
    f.schedule("A1", PATIENT, "T1");

    assertThat(f.pakketten.deferredByPackage(PRACTICE, START.plus(Duration.ofHours(1))))
        .containsExactly(Map.entry(basis.id(), eur(100)));
    assertThat(f.pakketten.deferredByPackage(PRACTICE, FAR_FUTURE))
        .containsExactly(Map.entry(basis.id(), eur("66.67")));
  }

  @Test
  void aLateCancellationKeepsTheRevenueRecognised() {
    Fixtures g = new Fixtures(InMemoryStorage.create(),
        Pakketten.builder().lateCancellationPolicy(LateCancellationPolicy.keepCreditsWithin(Duration.ofDays(30))));
    CreditPackage pkg = g.createPackage("Basis", eur(30));
    g.linkType("T1", pkg.id(), 1);
    g.importCredits("I1", PATIENT, pkg.id(), 2, eur(30));
    g.schedule("A1", PATIENT, "T1");
    int entriesBefore = g.journal().size();

    g.cancel("A1");

    assertThat(g.journal()).hasSize(entriesBefore);
    assertThat(g.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, FAR_FUTURE)).containsExactly(
        Map.entry(LedgerAccount.of("8000"), eur(30)));
  }

  @Test
  void freeCreditsBookNothing() {
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(0));

    f.schedule("A1", PATIENT, "T1");

    assertThat(f.journal()).isEmpty();
    assertThat(revenueOf(MovementKind.SPENT)).containsExactly(eur(0));
  }

  @Test
  void expiryBooksTheRemainingValueToBreakageNotRevenue() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(10), LocalDate.of(2026, 3, 5));
    f.schedule("A1", PATIENT, "T1");
    f.clock.advance(Duration.ofDays(10));

    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(2026, 3, 12)));

    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, FAR_FUTURE)).containsExactly(
        Map.entry(LedgerAccount.of("8000"), eur(10)));
    assertThat(f.pakketten.deferredByPackage(PRACTICE, FAR_FUTURE)).containsExactly(
        Map.entry(basis.id(), eur(0)));
  }

  private static Money sum(JournalEntry entry, Side side) {
    return entry.lines().stream().filter(l -> l.side() == side).map(JournalLine::amount).reduce(Money::plus)
        .orElseThrow();
  }
}
