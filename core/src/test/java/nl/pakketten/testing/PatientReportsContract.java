package nl.pakketten.testing;

import static nl.pakketten.testing.Fixtures.FAR_FUTURE;
import static nl.pakketten.testing.Fixtures.OTHER_PRACTICE;
import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.ReversalId;
import nl.pakketten.granting.ReversePayment;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.CreditBalance;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.OutstandingLot;
import nl.pakketten.wallet.PatientCredits;
import nl.pakketten.wallet.PatientStatement;
import nl.pakketten.wallet.RefundCredits;
import nl.pakketten.wallet.RefundId;
import nl.pakketten.wallet.StatementLine;
import nl.pakketten.wallet.TransferCredits;
import nl.pakketten.wallet.TransferId;
import nl.pakketten.wallet.WalletStatement;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports on patients' credits (issue 11, item 5): the outstanding credits per patient and the
 * patient statement with a running balance. Written once, run on every storage, so memory, H2 and
 * PostgreSQL give the same answers: subclass it and implement {@link #newStorage()}.
 */
public abstract class PatientReportsContract {
  /** An empty storage to test; called once per test. */
  protected abstract Storage newStorage();

  private static final PatientId PARTNER = PatientId.of("patient-2");
  private static final Money ZERO = Money.zero(CurrencyUnit.EUR);

  private Fixtures f;
  private PackageId basis;
  private PackageId fysio;

  @BeforeEach
  void setUp() {
    f = new Fixtures(newStorage());
    // 3 credits paid with 100.00 at 33.33 a credit: the last credit takes 33.34
    basis = f.createPackage("Basis", eur("33.33")).id();
    f.linkType("T1", basis, 1);
    f.linkProduct("P3", basis, 3, eur("100.00"));
    fysio = f.createPackage("Fysio 10", eur("40.00")).id();
    f.linkProduct("FYSIO10", fysio, 10, eur("400.00"));
    f.linkType("fysio", fysio, 1);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private PatientStatement statement(PatientId patient, Instant from, Instant to) {
    return f.pakketten.patientStatement(PRACTICE, patient, from, to);
  }

  private PatientStatement wholeStatement(PatientId patient) {
    return statement(patient, Instant.EPOCH, FAR_FUTURE);
  }

  private static WalletStatement part(PatientStatement statement, PackageId pkg) {
    return statement.packages().stream().filter(p -> p.packageId().equals(pkg)).findFirst().orElseThrow(
        () -> new AssertionError("no part for package " + pkg + " in " + statement));
  }

  private List<PatientCredits> outstanding(int pageSize) {
    return Pages.all(PageRequest.first(pageSize), r -> f.pakketten.outstandingCredits(PRACTICE, r));
  }

  private Money remainingValue(PatientId patient, PackageId pkg) {
    return f.lots(patient).stream().filter(l -> l.packageId().equals(pkg)).map(Lot::unrecognised)
        .reduce(ZERO, Money::plus);
  }

  /** Opening plus each line is the line's running balance; the last one is the closing. */
  private static void assertAddsUp(PatientStatement statement) {
    for (WalletStatement part : statement.packages()) {
      CreditBalance running = part.opening();
      for (StatementLine line : part.lines()) {
        assertThat(line.creditsIn()).isNotNegative();
        assertThat(line.creditsOut()).isNotNegative();
        assertThat(line.valueIn().isNegative() || line.valueOut().isNegative()).isFalse();
        running = new CreditBalance(running.credits() + line.creditsIn() - line.creditsOut(),
            running.value().plus(line.valueIn()).minus(line.valueOut()));
        assertThat(line.balance()).as("running balance after %s", line).isEqualTo(running);
      }
      assertThat(part.closing()).as("closing of %s", part.packageId()).isEqualTo(running);
    }
  }

  /**
   * The whole statement adds up, and its closing ties to the balance and to the lots' remaining
   * value of every package; the statement of the whole history starts at nothing.
   */
  private void assertTiesOut(PatientId patient, PackageId... packages) {
    PatientStatement whole = wholeStatement(patient);
    assertAddsUp(whole);
    for (PackageId pkg : packages) {
      WalletStatement part = part(whole, pkg);
      assertThat(part.opening()).isEqualTo(CreditBalance.zero(CurrencyUnit.EUR));
      assertThat(part.closing().credits()).as("closing credits = balance()").isEqualTo(f.balance(patient, pkg));
      assertThat(part.closing().value()).as("closing value = the lots' remaining value")
          .isEqualTo(remainingValue(patient, pkg));
    }
  }

  /** The outstanding totals of all patients, per package, equal the journal's deferred revenue. */
  private void assertOutstandingTiesToTheJournal() {
    Map<PackageId, Money> totals = new TreeMap<>();
    for (PatientCredits patient : outstanding(2)) {
      patient.byPackage().forEach((p, b) -> totals.merge(p, b.value(), Money::plus));
      for (OutstandingLot lot : patient.lots()) {
        assertThat(lot.creditsRemaining()).isPositive();
      }
    }
    Map<PackageId, Money> deferred = new TreeMap<>(f.pakketten.deferredByPackage(PRACTICE, FAR_FUTURE));
    deferred.values().removeIf(Money::isZero);
    totals.values().removeIf(Money::isZero);
    assertThat(totals).isEqualTo(deferred);
  }

  private static void assertInvalid(Runnable call, String field) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e ->
        assertThat(e.violations()).extracting(FieldViolation::field).contains(field));
  }

  private LotId pay(String invoice, PatientId patient, String product, String amount) {
    return f.pay(invoice, patient, InvoiceLine.of(product, 1, eur(amount))).grants().get(0).lotId();
  }

  private void refund(String id, PatientId patient, PackageId pkg, int credits) {
    f.pakketten.refundCredits(RefundCredits.builder().practice(PRACTICE).actor(OWNER).refundId(RefundId.of(id))
        .patient(patient).packageId(pkg).credits(credits).reason("moved away").build());
  }

  // ---------------------------------------------------------------------------------------------
  // The statement

  @Test
  void aStatementListsEachMovementWithItsValueAndTheRunningBalance() {
    pay("F-1", PATIENT, "P3", "100.00");
    f.clock.advance(Duration.ofHours(1));
    f.schedule("A1", PATIENT, "T1");
    f.clock.advance(Duration.ofHours(1));
    f.cancel("A1");
    f.clock.advance(Duration.ofHours(1));
    f.schedule("A2", PATIENT, "T1");

    WalletStatement part = part(wholeStatement(PATIENT), basis);

    assertThat(part.lines()).extracting(StatementLine::kind, StatementLine::creditsIn, StatementLine::creditsOut,
        StatementLine::valueIn, StatementLine::valueOut, StatementLine::balance).containsExactly(
        tuple(MovementKind.GRANTED, 3, 0, eur("100.00"), ZERO, new CreditBalance(3, eur("100.00"))),
        tuple(MovementKind.SPENT, 0, 1, ZERO, eur("33.33"), new CreditBalance(2, eur("66.67"))),
        tuple(MovementKind.GIVEN_BACK, 1, 0, eur("33.33"), ZERO, new CreditBalance(3, eur("100.00"))),
        tuple(MovementKind.SPENT, 0, 1, ZERO, eur("33.33"), new CreditBalance(2, eur("66.67"))));
    assertThat(part.lines()).extracting(StatementLine::at).containsExactly(Fixtures.START,
        Fixtures.START.plus(Duration.ofHours(1)), Fixtures.START.plus(Duration.ofHours(2)),
        Fixtures.START.plus(Duration.ofHours(3)));
    assertThat(part.lines().get(0).sourceKey()).isEqualTo("invoice:F-1#1");
    assertThat(part.lines().get(1).sourceKey()).isEqualTo("appointment:A1");
    assertThat(part.lines()).allSatisfy(l -> assertThat(l.description()).isNotBlank());
    assertThat(part.closing()).isEqualTo(new CreditBalance(2, eur("66.67")));
    assertTiesOut(PATIENT, basis);
  }

  @Test
  void aStatementHasOnePartPerPackageSortedByPackageId() {
    pay("F-1", PATIENT, "P3", "100.00");
    pay("F-2", PATIENT, "FYSIO10", "400.00");
    f.importCredits("I-1", PATIENT, basis, 2, eur("25.00"));

    PatientStatement statement = wholeStatement(PATIENT);

    assertThat(statement.packages()).extracting(WalletStatement::packageId).containsExactly(basis, fysio);
    assertThat(part(statement, basis).closing()).isEqualTo(new CreditBalance(5, eur("150.00")));
    assertThat(part(statement, basis).lines()).extracting(StatementLine::kind)
        .containsExactly(MovementKind.GRANTED, MovementKind.IMPORTED);
    assertThat(part(statement, fysio).closing()).isEqualTo(new CreditBalance(10, eur("400.00")));
    assertTiesOut(PATIENT, basis, fysio);
  }

  @Test
  void theOpeningIsTheBalanceAtTheStartAndThePeriodIncludesFromButNotTo() {
    pay("F-1", PATIENT, "FYSIO10", "400.00");            // START
    f.clock.advance(Duration.ofDays(1));
    Instant from = f.clock.instant();
    f.schedule("A1", PATIENT, "fysio");                      // from: included
    f.clock.advance(Duration.ofDays(1));
    f.schedule("A2", PATIENT, "fysio");
    f.clock.advance(Duration.ofDays(1));
    Instant to = f.clock.instant();
    f.schedule("A3", PATIENT, "fysio");                      // to: not included

    PatientStatement statement = statement(PATIENT, from, to);

    WalletStatement part = part(statement, fysio);
    assertThat(part.opening()).isEqualTo(new CreditBalance(10, eur("400.00")));
    assertThat(part.lines()).extracting(StatementLine::sourceKey)
        .containsExactly("appointment:A1", "appointment:A2");
    assertThat(part.closing()).isEqualTo(new CreditBalance(8, eur("320.00")));
    assertAddsUp(statement);
    // the next period opens with this one's closing
    assertThat(part(statement(PATIENT, to, FAR_FUTURE), fysio).opening()).isEqualTo(part.closing());
    assertThat(part(statement(PATIENT, to, FAR_FUTURE), fysio).closing().credits()).isEqualTo(7);
  }

  @Test
  void anEmptyPeriodShowsTheOpeningAsTheClosing() {
    pay("F-1", PATIENT, "FYSIO10", "400.00");
    f.clock.advance(Duration.ofDays(1));
    Instant now = f.clock.instant();

    PatientStatement statement = statement(PATIENT, now, now);

    assertThat(statement.packages()).singleElement().satisfies(part -> {
      assertThat(part.lines()).isEmpty();
      assertThat(part.opening()).isEqualTo(new CreditBalance(10, eur("400.00")));
      assertThat(part.closing()).isEqualTo(part.opening());
    });
  }

  @Test
  void aPackageUsedUpBeforeThePeriodAndQuietInItIsLeftOut() {
    f.importCredits("I-1", PATIENT, basis, 1, eur("10.00"));
    f.schedule("A1", PATIENT, "T1");
    pay("F-1", PATIENT, "FYSIO10", "400.00");
    f.clock.advance(Duration.ofDays(1));

    PatientStatement statement = statement(PATIENT, f.clock.instant(), FAR_FUTURE);

    assertThat(statement.packages()).extracting(WalletStatement::packageId).containsExactly(fysio);
  }

  @Test
  void aPatientWithoutMovementsGetsAnEmptyStatement() {
    pay("F-1", PATIENT, "FYSIO10", "400.00");

    PatientStatement statement = wholeStatement(PatientId.of("nobody"));

    assertThat(statement.isEmpty()).isTrue();
    assertThat(statement.patient()).isEqualTo(PatientId.of("nobody"));
    assertThat(f.pakketten.patientStatement(OTHER_PRACTICE, PATIENT, Instant.EPOCH, FAR_FUTURE).isEmpty())
        .as("another practice's patient of the same id").isTrue();
  }

  @Test
  void aRefundTakesTheRefundedValueOut() {
    pay("F-1", PATIENT, "P3", "100.00");
    f.schedule("A1", PATIENT, "T1");
    f.clock.advance(Duration.ofHours(1));
    refund("R-1", PATIENT, basis, 2);

    WalletStatement part = part(wholeStatement(PATIENT), basis);

    StatementLine refunded = part.lines().get(part.lines().size() - 1);
    assertThat(refunded.kind()).isEqualTo(MovementKind.REFUNDED);
    assertThat(refunded.creditsOut()).isEqualTo(2);
    assertThat(refunded.valueOut()).isEqualTo(eur("66.67"));
    assertThat(refunded.sourceKey()).isEqualTo("refund:R-1");
    assertThat(part.closing()).isEqualTo(new CreditBalance(0, ZERO));
    assertTiesOut(PATIENT, basis);
    assertOutstandingTiesToTheJournal();
  }

  @Test
  void anExpiryTakesTheRemainingValueOut() {
    f.importCredits("I-1", PATIENT, basis, 3, eur("20.00"), LocalDate.of(2026, 3, 10));
    f.schedule("A1", PATIENT, "T1");
    f.clock.advance(Duration.ofDays(11));
    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(2026, 3, 13)));

    WalletStatement part = part(wholeStatement(PATIENT), basis);

    assertThat(part.lines()).extracting(StatementLine::kind, StatementLine::creditsOut, StatementLine::valueOut)
        .containsExactly(tuple(MovementKind.IMPORTED, 0, ZERO), tuple(MovementKind.SPENT, 1, eur("20.00")),
            tuple(MovementKind.EXPIRED, 2, eur("40.00")));
    assertThat(part.closing()).isEqualTo(new CreditBalance(0, ZERO));
    assertTiesOut(PATIENT, basis);
    assertThat(outstanding(10)).isEmpty();
  }

  @Test
  void aReversalRevokesTheUnspentCreditsAndTheirValue() {
    pay("F-1", PATIENT, "FYSIO10", "400.00");
    f.schedule("A1", PATIENT, "fysio");
    f.schedule("A2", PATIENT, "fysio");
    f.clock.advance(Duration.ofHours(1));
    f.pakketten.reversePayment(ReversePayment.builder().practice(PRACTICE).actor(OWNER)
        .reversalId(ReversalId.of("RV-1")).patient(PATIENT).invoiceId(InvoiceId.of("F-1"))
        .reason("direct debit bounced").build());

    WalletStatement part = part(wholeStatement(PATIENT), fysio);

    StatementLine reversed = part.lines().get(part.lines().size() - 1);
    assertThat(reversed.kind()).isEqualTo(MovementKind.REVERSED);
    assertThat(reversed.creditsOut()).isEqualTo(8);
    assertThat(reversed.valueOut()).as("the receivable for the spent credits is not deferred value")
        .isEqualTo(eur("320.00"));
    assertThat(part.closing()).isEqualTo(new CreditBalance(0, ZERO));
    assertTiesOut(PATIENT, fysio);
    assertOutstandingTiesToTheJournal();
  }

  @Test
  void aTransferShowsOnBothPatientsStatementsAndOutstandingLists() {
    LotId origin = pay("F-1", PATIENT, "FYSIO10", "400.00");
    f.schedule("A1", PATIENT, "fysio");
    f.clock.advance(Duration.ofHours(1));
    f.pakketten.transferCredits(TransferCredits.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .transferId(TransferId.of("T-1")).from(PATIENT).lot(origin).credits(4).to(PARTNER).build());
    f.clock.advance(Duration.ofHours(1));
    f.schedule("B1", PARTNER, "fysio");

    WalletStatement giver = part(wholeStatement(PATIENT), fysio);
    WalletStatement receiver = part(wholeStatement(PARTNER), fysio);

    assertThat(giver.lines().get(giver.lines().size() - 1)).satisfies(l -> {
      assertThat(l.kind()).isEqualTo(MovementKind.TRANSFERRED_OUT);
      assertThat(l.creditsOut()).isEqualTo(4);
      assertThat(l.valueOut()).isEqualTo(eur("160.00"));
      assertThat(l.valueIn()).isEqualTo(ZERO);
    });
    assertThat(giver.closing()).isEqualTo(new CreditBalance(5, eur("200.00")));
    assertThat(receiver.lines()).extracting(StatementLine::kind, StatementLine::creditsIn, StatementLine::valueIn,
        StatementLine::valueOut).containsExactly(
        tuple(MovementKind.TRANSFERRED_IN, 4, eur("160.00"), ZERO),
        tuple(MovementKind.SPENT, 0, ZERO, eur("40.00")));
    assertThat(receiver.closing()).isEqualTo(new CreditBalance(3, eur("120.00")));
    assertTiesOut(PATIENT, fysio);
    assertTiesOut(PARTNER, fysio);

    List<PatientCredits> all = outstanding(1);
    assertThat(all).extracting(PatientCredits::patient).containsExactly(PATIENT, PARTNER);
    assertThat(all.get(1).lots()).singleElement().satisfies(lot -> {
      assertThat(lot.creditsRemaining()).isEqualTo(3);
      assertThat(lot.remainingValue()).isEqualTo(eur("120.00"));
      assertThat(lot.source()).as("a transferred lot keeps its origin's source")
          .isEqualTo(all.get(0).lots().get(0).source());
    });
    assertOutstandingTiesToTheJournal();
  }

  @Test
  void aForfeitMovesNothingAndTheStatementStillAddsUp() {
    f.importCredits("I-1", PATIENT, basis, 2, eur("30.00"));
    // scheduled an hour ahead and cancelled at once: late, so the default policy keeps the credit
    f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1",
        f.clock.instant().plus(Duration.ofHours(1))));
    f.cancel("A1");

    WalletStatement part = part(wholeStatement(PATIENT), basis);

    assertThat(part.lines()).extracting(StatementLine::kind).startsWith(MovementKind.IMPORTED, MovementKind.SPENT);
    part.lines().stream().filter(l -> l.kind() == MovementKind.FORFEITED).forEach(l -> {
      assertThat(l.creditsIn() + l.creditsOut()).isZero();
      assertThat(l.valueIn().plus(l.valueOut())).isEqualTo(ZERO);
    });
    assertTiesOut(PATIENT, basis);
  }

  // ---------------------------------------------------------------------------------------------
  // Outstanding credits

  @Test
  void outstandingCreditsListEachOpenLotWithItsValueLastDayAndSourceAndTheTotals() {
    LotId paid = pay("F-1", PATIENT, "P3", "100.00");
    f.schedule("A1", PATIENT, "T1");
    f.importCredits("I-1", PATIENT, basis, 2, eur("25.00"), LocalDate.of(2026, 12, 31));
    pay("F-2", PATIENT, "FYSIO10", "400.00");

    List<PatientCredits> all = outstanding(10);

    assertThat(all).singleElement().satisfies(p -> {
      assertThat(p.patient()).isEqualTo(PATIENT);
      assertThat(p.lots()).extracting(OutstandingLot::packageId, OutstandingLot::creditsRemaining,
          OutstandingLot::remainingValue, OutstandingLot::lastDay, OutstandingLot::pastLastDay).containsExactly(
          tuple(basis, 2, eur("66.67"), Optional.empty(), false),
          tuple(basis, 2, eur("50.00"), Optional.of(LocalDate.of(2026, 12, 31)), false),
          tuple(fysio, 10, eur("400.00"), Optional.empty(), false));
      assertThat(p.lots().get(0).lotId()).isEqualTo(paid);
      assertThat(p.lots().get(0).source()).isInstanceOf(LotSource.InvoiceLine.class);
      assertThat(p.lots().get(1).source()).isInstanceOf(LotSource.Import.class);
      assertThat(p.byPackage()).containsExactly(Map.entry(basis, new CreditBalance(4, eur("116.67"))),
          Map.entry(fysio, new CreditBalance(10, eur("400.00"))));
      assertThat(p.totalCredits()).isEqualTo(14);
      assertThat(p.totalValue()).containsExactly(eur("516.67"));
    });
    assertOutstandingTiesToTheJournal();
  }

  @Test
  void aLotPastItsLastDayIsListedFlaggedUntilItsExpiryIsBooked() {
    f.importCredits("I-1", PATIENT, basis, 2, eur("25.00"), LocalDate.of(2026, 3, 10));
    f.clock.advance(Duration.ofDays(8)); // 2026-03-10: the last day itself
    assertThat(outstanding(10).get(0).lots().get(0).pastLastDay()).isFalse();
    f.clock.advance(Duration.ofDays(1)); // 2026-03-11

    List<PatientCredits> before = outstanding(10);

    assertThat(before).singleElement().satisfies(p -> assertThat(p.lots()).singleElement().satisfies(lot -> {
      assertThat(lot.pastLastDay()).isTrue();
      assertThat(lot.creditsRemaining()).isEqualTo(2);
      assertThat(lot.remainingValue()).as("still owed until the expiry is booked").isEqualTo(eur("50.00"));
    }));
    assertOutstandingTiesToTheJournal();

    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, LocalDate.of(2026, 3, 11)));

    assertThat(outstanding(10)).isEmpty();
    assertOutstandingTiesToTheJournal();
  }

  @Test
  void usedUpLotsAndPatientsWithoutOpenLotsAreLeftOut() {
    f.importCredits("I-1", PATIENT, basis, 1, eur("25.00"));
    f.importCredits("I-2", PATIENT, basis, 1, eur("25.00"));
    f.schedule("A1", PATIENT, "T1");
    f.importCredits("I-3", PARTNER, basis, 1, eur("25.00"));
    f.schedule("B1", PARTNER, "T1");

    List<PatientCredits> all = outstanding(10);

    assertThat(all).singleElement().satisfies(p -> {
      assertThat(p.patient()).isEqualTo(PATIENT);
      assertThat(p.lots()).singleElement().satisfies(l -> assertThat(l.creditsRemaining()).isEqualTo(1));
    });
  }

  @Test
  void pagesOverManyPatientsNeitherSkipNorRepeatAndTieToTheJournal() {
    List<PatientId> patients = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      PatientId p = PatientId.of(String.format("patient-%03d", i));
      patients.add(p);
      f.importCredits("I-" + i, p, i % 2 == 0 ? basis : fysio, 1 + i % 4, eur("12.50"));
      if (i % 5 == 0) {
        pay("F-" + i, p, "P3", "100.00");
      }
    }
    f.schedule("A-partly", PatientId.of("patient-010"), "T1"); // 3 credits imported and P3: some remain
    f.schedule("A-gone-1", PatientId.of("patient-004"), "T1"); // 1 credit imported, nothing else: used up
    f.schedule("A-gone-2", PatientId.of("patient-008"), "T1");
    patients.remove(PatientId.of("patient-004"));
    patients.remove(PatientId.of("patient-008"));

    for (int size : new int[] {1, 4, 7, 10_000}) {
      List<PatientCredits> all = outstanding(size);
      assertThat(all).extracting(PatientCredits::patient).as("page size %d", size).containsExactlyElementsOf(patients);
      assertThat(new HashSet<>(all)).hasSize(all.size());
    }
    assertOutstandingTiesToTheJournal();
  }

  @Test
  void outstandingCreditsOfOnePackage() {
    f.importCredits("I-1", PATIENT, basis, 2, eur("25.00"));
    f.importCredits("I-2", PATIENT, fysio, 2, eur("40.00"));
    f.importCredits("I-3", PARTNER, fysio, 1, eur("40.00"));
    f.importCredits("I-4", PatientId.of("patient-3"), basis, 1, eur("25.00"));

    List<PatientCredits> all = Pages.all(PageRequest.first(1),
        r -> f.pakketten.outstandingCredits(PRACTICE, fysio, r));

    assertThat(all).extracting(PatientCredits::patient).containsExactly(PATIENT, PARTNER);
    assertThat(all).flatExtracting(PatientCredits::lots).extracting(OutstandingLot::packageId)
        .containsOnly(fysio);
    assertThat(all.get(0).byPackage()).containsOnlyKeys(fysio);
  }

  @Test
  void anotherPracticesCreditsAreNotListed() {
    f.importCredits("I-1", PATIENT, basis, 2, eur("25.00"));

    assertThat(Pages.all(r -> f.pakketten.outstandingCredits(OTHER_PRACTICE, r))).isEmpty();
  }

  @Test
  void everyKindOfMovementTiesOutForEveryPatient() {
    LotId a = pay("F-1", PATIENT, "FYSIO10", "400.00");
    pay("F-2", PATIENT, "P3", "100.00");
    f.importCredits("I-1", PARTNER, basis, 3, eur("10.00"), LocalDate.of(2026, 3, 5));
    f.schedule("A1", PATIENT, "fysio");
    f.schedule("A2", PATIENT, "T1");
    f.cancel("A2");
    f.pakketten.transferCredits(TransferCredits.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .transferId(TransferId.of("T-1")).from(PATIENT).lot(a).credits(3).to(PARTNER).build());
    refund("R-1", PATIENT, basis, 1);
    pay("F-3", PARTNER, "FYSIO10", "400.00");
    f.clock.advance(Duration.ofDays(4));
    f.schedule("B1", PARTNER, "fysio");
    f.clock.advance(Duration.ofDays(3));
    f.pakketten.expireCredits(ExpireCredits.of(PRACTICE, OWNER, f.clock.instant().atZone(java.time.ZoneOffset.UTC)
        .toLocalDate()));
    f.pakketten.reversePayment(ReversePayment.builder().practice(PRACTICE).actor(OWNER)
        .reversalId(ReversalId.of("RV-1")).patient(PARTNER).invoiceId(InvoiceId.of("F-3"))
        .reason("charge-back").build());

    assertTiesOut(PATIENT, basis, fysio);
    assertTiesOut(PARTNER, basis, fysio);
    assertOutstandingTiesToTheJournal();
    // the statements of every period in between add up too, each opening at the one before's closing
    Instant middle = Fixtures.START.plus(Duration.ofDays(5));
    for (PatientId p : List.of(PATIENT, PARTNER)) {
      PatientStatement first = statement(p, Instant.EPOCH, middle);
      PatientStatement second = statement(p, middle, FAR_FUTURE);
      assertAddsUp(first);
      assertAddsUp(second);
      for (WalletStatement part : second.packages()) {
        first.packages().stream().filter(x -> x.packageId().equals(part.packageId())).findFirst()
            .ifPresent(x -> assertThat(part.opening()).isEqualTo(x.closing()));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Bad input

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefusedNamingTo() {
    assertInvalid(() -> statement(PATIENT, FAR_FUTURE, Instant.EPOCH), "to");
  }

  @Test
  void missingArgumentsAreRefusedNamingThem() {
    assertInvalid(() -> f.pakketten.patientStatement(null, PATIENT, Instant.EPOCH, FAR_FUTURE), "practice");
    assertInvalid(() -> f.pakketten.patientStatement(PRACTICE, null, Instant.EPOCH, FAR_FUTURE), "patient");
    assertInvalid(() -> f.pakketten.patientStatement(PRACTICE, PATIENT, null, FAR_FUTURE), "from");
    assertInvalid(() -> f.pakketten.patientStatement(PRACTICE, PATIENT, Instant.EPOCH, null), "to");
    assertInvalid(() -> f.pakketten.outstandingCredits(null, PageRequest.first()), "practice");
    assertInvalid(() -> f.pakketten.outstandingCredits(PRACTICE, null), "request");
    assertInvalid(() -> f.pakketten.outstandingCredits(PRACTICE, (PackageId) null, PageRequest.first()),
        "packageId");
  }

  @Test
  void aCursorNoReadReturnedIsRefusedNamingAfter() {
    String tooLong = "x".repeat(100); // a valid cursor for the page request, but no patient id
    assertInvalid(() -> f.pakketten.outstandingCredits(PRACTICE, PageRequest.first().after(tooLong)), "after");
  }
}
