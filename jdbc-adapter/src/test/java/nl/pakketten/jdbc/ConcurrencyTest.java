package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.ChangeAppointmentType;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.granting.ImportResult;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads on one database at once: the ledger is never overdrawn, a duplicate delivery never
 * doubles anything, and lock conflicts are retried instead of reaching the caller.
 */
class ConcurrencyTest extends AuditedDatabaseTest {
  private static final Instant START = Fixtures.START.plusSeconds(7 * 24 * 3600);

  @ParameterizedTest
  @EnumSource(Database.class)
  void sixtyFourSpendsOfFiftyCreditsLetExactlyFiftyThrough(Database db) {
    Fixtures f = fixtures(db);
    PackageId pkg = f.createPackage("Fysio", eur("12.50")).id();
    f.linkType("fysio", pkg, 1);
    f.importCredits("I-1", PATIENT, pkg, 50, eur("12.50"));

    List<Concurrently.Outcome<ScheduleResult>> outcomes = Concurrently.run(64, i -> f.pakketten.schedule(
        Fixtures.scheduleCommand(PRACTICE, "A-" + i, PATIENT, "fysio", START)));

    assertThat(outcomes).filteredOn(o -> !o.failed()).hasSize(50)
        .allSatisfy(o -> assertThat(o.result()).isInstanceOf(ScheduleResult.Covered.class));
    assertThat(outcomes).filteredOn(Concurrently.Outcome::failed).hasSize(14)
        .allSatisfy(o -> assertThat(o.error()).isInstanceOf(InsufficientCreditsException.class));
    assertThat(f.balance(PATIENT, pkg)).isZero();
    assertThat(count("SELECT COUNT(*) FROM pakketten_movements WHERE kind = 'SPENT'")).isEqualTo(50);
    assertThat(count("SELECT COUNT(*) FROM pakketten_journal_entries WHERE source_key LIKE 'appointment:%'"))
        .isEqualTo(50);
    assertThat(count("SELECT COUNT(*) FROM pakketten_appointments")).isEqualTo(50);
    assertThat(count("SELECT SUM(recognised_revenue) FROM pakketten_lots")).isEqualTo(625);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void theSamePaymentSixteenTimesAtOnceGrantsOnce(Database db) {
    Fixtures f = fixtures(db);
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO10", pkg, 10, eur("400.00"));

    List<Concurrently.Outcome<PaymentResult>> outcomes = Concurrently.run(16, i -> f.pay("F-1", PATIENT,
        InvoiceLine.of("FYSIO10", 1, eur("400.00"))));

    assertThat(outcomes).noneMatch(Concurrently.Outcome::failed);
    assertThat(outcomes).filteredOn(o -> o.result() instanceof PaymentResult.Granted).hasSize(1);
    PaymentResult first = outcomes.get(0).result();
    assertThat(outcomes).allSatisfy(o -> assertThat(o.result().grants()).isEqualTo(first.grants()));
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(10);
    assertThat(count("SELECT COUNT(*) FROM pakketten_lots")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM pakketten_movements")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM pakketten_journal_entries")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void sixteenDifferentPaymentsIntoABrandNewWalletAtOnceAllGrant(Database db) {
    Fixtures f = fixtures(db);
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO10", pkg, 10, eur("400.00"));

    // Every call finds no wallet yet: they race to create its row, and each grant still lands once.
    List<Concurrently.Outcome<PaymentResult>> outcomes = Concurrently.run(16, i -> f.pay("F-" + i, PATIENT,
        InvoiceLine.of("FYSIO10", 1, eur("400.00"))));

    assertThat(outcomes).noneMatch(Concurrently.Outcome::failed)
        .allSatisfy(o -> assertThat(o.result()).isInstanceOf(PaymentResult.Granted.class));
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(160);
    assertThat(count("SELECT COUNT(*) FROM pakketten_wallets")).isEqualTo(1);
    assertThat(count("SELECT COUNT(DISTINCT position) FROM pakketten_lots")).isEqualTo(16);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void theSameImportSixteenTimesAtOnceImportsOnce(Database db) {
    Fixtures f = fixtures(db);
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();

    List<Concurrently.Outcome<ImportResult>> outcomes = Concurrently.run(16, i -> f.importCredits("I-1", PATIENT,
        pkg, 7, eur("40.00")));

    assertThat(outcomes).noneMatch(Concurrently.Outcome::failed);
    assertThat(outcomes).filteredOn(o -> o.result() instanceof ImportResult.Imported).hasSize(1);
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(7);
    assertThat(count("SELECT COUNT(*) FROM pakketten_movements")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void theSameAppointmentScheduledAndCancelledSixteenTimesAtOnceSpendsAndGivesBackOnce(Database db) {
    Fixtures f = fixtures(db);
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkType("fysio", pkg, 2);
    f.importCredits("I-1", PATIENT, pkg, 10, eur("40.00"));

    List<Concurrently.Outcome<ScheduleResult>> scheduled = Concurrently.run(16, i -> f.pakketten.schedule(
        Fixtures.scheduleCommand(PRACTICE, "A-1", PATIENT, "fysio", START)));

    assertThat(scheduled).noneMatch(Concurrently.Outcome::failed);
    assertThat(scheduled).allSatisfy(o -> assertThat(o.result()).usingRecursiveComparison().ignoringFields("replay")
        .isEqualTo(scheduled.get(0).result()));
    assertThat(scheduled).filteredOn(o -> !o.result().replay()).as("one call scheduled it, the others replayed")
        .hasSize(1);
    assertThat(scheduled.get(0).result()).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(8);
    assertThat(count("SELECT COUNT(*) FROM pakketten_movements WHERE kind = 'SPENT'")).isEqualTo(1);

    List<Concurrently.Outcome<CancelResult>> cancelled = Concurrently.run(16, i -> f.cancel("A-1"));

    assertThat(cancelled).noneMatch(Concurrently.Outcome::failed);
    assertThat(cancelled).allSatisfy(o -> assertThat(o.result()).usingRecursiveComparison().ignoringFields("replay")
        .isEqualTo(cancelled.get(0).result()));
    assertThat(cancelled).filteredOn(o -> !o.result().replay()).as("one call cancelled it, the others replayed")
        .hasSize(1);
    assertThat(cancelled.get(0).result()).isInstanceOf(CancelResult.GivenBack.class);
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(10);
    assertThat(count("SELECT COUNT(*) FROM pakketten_movements WHERE kind = 'GIVEN_BACK'")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void theSameUnlinkedAppointmentSixteenTimesAtOnceIsRecordedOnce(Database db) {
    Fixtures f = fixtures(db);
    f.linkType("intake", null, 1);

    // No wallet to lock: the duplicates race on the appointment's primary key and are retried as replays.
    List<Concurrently.Outcome<ScheduleResult>> scheduled = Concurrently.run(16, i -> f.pakketten.schedule(
        Fixtures.scheduleCommand(PRACTICE, "A-1", PATIENT, "intake", START)));

    assertThat(scheduled).noneMatch(Concurrently.Outcome::failed);
    assertThat(scheduled).allSatisfy(o -> assertThat(o.result()).usingRecursiveComparison().ignoringFields("replay")
        .isEqualTo(new ScheduleResult.NotCovered(AppointmentId.of("A-1"), AppointmentTypeId.of("intake"))));
    assertThat(scheduled).filteredOn(o -> !o.result().replay()).as("one call scheduled it, the others replayed")
        .hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM pakketten_appointments")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void changingTypesBetweenTwoPackagesInOppositeDirectionsNeitherDeadlocksNorLosesCredits(Database db) {
    Fixtures f = fixtures(db);
    PackageId a = f.createPackage("Package A", eur("10.00")).id();
    PackageId b = f.createPackage("Package B", eur("20.00")).id();
    f.linkType("type-a", a, 1);
    f.linkType("type-b", b, 2);
    f.importCredits("I-A", PATIENT, a, 100, eur("10.00"));
    f.importCredits("I-B", PATIENT, b, 100, eur("20.00"));
    int pairs = 16;
    for (int i = 0; i < pairs; i++) {
      f.schedule("x-" + i, PATIENT, "type-a");
      f.schedule("y-" + i, PATIENT, "type-b");
    }

    for (int round = 0; round < 2; round++) {
      String x = round == 0 ? "type-b" : "type-a";
      String y = round == 0 ? "type-a" : "type-b";
      List<Concurrently.Outcome<ScheduleResult>> outcomes = Concurrently.run(2 * pairs, i -> f.pakketten
          .changeAppointmentType(ChangeAppointmentType.builder().practice(PRACTICE).actor(RECEPTIONIST)
              .appointmentId(AppointmentId.of((i % 2 == 0 ? "x-" : "y-") + i / 2))
              .typeId(AppointmentTypeId.of(i % 2 == 0 ? x : y)).build()));
      assertThat(outcomes).noneMatch(Concurrently.Outcome::failed);
    }

    assertThat(f.balance(PATIENT, a)).isEqualTo(100 - pairs);
    assertThat(f.balance(PATIENT, b)).isEqualTo(100 - 2 * pairs);
    assertThat(count("SELECT COUNT(*) FROM pakketten_movements WHERE kind = 'GIVEN_BACK'")).isEqualTo(4 * pairs);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRealDeadlockIsRetriedAndNeverReachesTheCaller(Database db) {
    Fixtures f = fixtures(db);
    PackageId a = f.createPackage("Package A", eur("10.00")).id();
    PackageId b = f.createPackage("Package B", eur("10.00")).id();
    f.importCredits("I-A", PATIENT, a, 1, eur("10.00"));
    f.importCredits("I-B", PATIENT, b, 1, eur("10.00"));
    TransactionRunner runner = new TransactionRunner(f.storage.transactions(), 10);
    AtomicInteger attempts = new AtomicInteger();

    for (int pair = 0; pair < 5; pair++) {
      CyclicBarrier bothHoldOne = new CyclicBarrier(2);
      // Two transactions lock the same two wallets in opposite orders: the database breaks the
      // deadlock by failing one, which the core's runner retries.
      List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(2, i -> runner.run("opposite", PRACTICE, "o-" + i, () -> { }, events -> {
        attempts.incrementAndGet();
        PackageId first = i == 0 ? a : b;
        PackageId second = i == 0 ? b : a;
        f.storage.wallets().lock(PRACTICE, PATIENT, first);
        try {
          bothHoldOne.await(200, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
          // A retry runs alone: its partner has finished.
        }
        return f.storage.wallets().lock(PRACTICE, PATIENT, second).balance();
      }));
      assertThat(outcomes).noneMatch(Concurrently.Outcome::failed);
    }

    assertThat(attempts.get()).as("a deadlock was detected and retried").isGreaterThan(10);
    assertThat(f.balance(PATIENT, a)).isEqualTo(1);
    assertThat(f.balance(PATIENT, b)).isEqualTo(1);
  }
}
