package nl.pakketten.jdbc;

import nl.pakketten.testing.Pages;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.StorageException;
import nl.pakketten.common.TransactionFailedException;
import nl.pakketten.credits.InvoiceLine;
import nl.pakketten.credits.PaymentResult;
import nl.pakketten.credits.ScheduleResult;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fault injected at each statement (and the commit) of a grant and of a spend in turn: the failed
 * call leaves no row behind, and running it again with the same key completes it exactly once.
 */
class AtomicityTest {
  private static final Instant START = Fixtures.START.plusSeconds(7 * 24 * 3600);
  /** A lost connection: not transient, so the core does not retry and the caller sees the failure. */
  private static final String CONNECTION_LOST = "08006";
  /** A serialization failure: transient, so the core retries on its own. */
  private static final String SERIALIZATION_FAILURE = "40001";

  private Database database;
  private FaultyDataSource faulty;
  private Fixtures f;
  private PackageId fysio;
  private PackageId massage;

  @AfterEach
  void ledgerAddsUp() {
    assertThat(LedgerAudit.violations(database.dataSource())).isEmpty();
  }

  private void setUp(Database db) {
    database = db;
    db.clean();
    faulty = new FaultyDataSource(db.dataSource());
    f = new Fixtures(JdbcStorage.create(faulty));
    fysio = f.createPackage("Fysio", eur("40.00")).getId();
    massage = f.createPackage("Massage", eur("30.00")).getId();
    f.linkProduct("FYSIO10", fysio, 10, eur("400.00"));
    f.linkProduct("MASSAGE5", massage, 5, eur("150.00"));
    f.linkType("fysio", fysio, 1);
  }

  private PaymentResult pay(String invoice, PatientId patient) {
    return f.pay(invoice, patient, InvoiceLine.of("FYSIO10", 1, eur("400.00")),
        InvoiceLine.of("MASSAGE5", 2, eur("300.00")));
  }

  private ScheduleResult schedule(String appointment, PatientId patient) {
    return f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, appointment, patient, "fysio", START));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aGrantFailingAtAnyStatementLeavesNoTraceAndCompletesOnceWhenRetried(Database db) {
    setUp(db);
    int steps = stepsOf(() -> pay("F-probe", PatientId.of("probe")));
    assertThat(steps).isGreaterThan(10);

    for (int n = 1; n <= steps; n++) {
      PatientId patient = PatientId.of("patient-" + n);
      String invoice = "F-" + n;
      Map<String, Long> before = rowCounts();
      faulty.failAt(n, CONNECTION_LOST);

      assertThatThrownBy(() -> pay(invoice, patient)).as("fault at step %d", n)
          .isInstanceOf(StorageException.class);

      assertThat(rowCounts()).as("rows after a fault at step %d", n).isEqualTo(before);
      faulty.disarm();
      assertThat(pay(invoice, patient)).isInstanceOf(PaymentResult.Granted.class);
      assertThat(pay(invoice, patient)).isInstanceOf(PaymentResult.AlreadyGranted.class);
      assertThat(f.balance(patient, fysio)).isEqualTo(10);
      assertThat(f.balance(patient, massage)).isEqualTo(10);
      assertThat(Pages.history(f.pakketten, PRACTICE, patient)).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aSpendFailingAtAnyStatementLeavesNoTraceAndCompletesOnceWhenRetried(Database db) {
    setUp(db);
    pay("F-probe", PatientId.of("probe"));
    int steps = stepsOf(() -> schedule("A-probe", PatientId.of("probe")));
    // The round trips of a spend. PostgreSQL: the appointment, its type, the wallet's lock with its
    // lots, one statement updating the lot and the wallet and inserting the movement, journal entry
    // and lines, appointment and allocation, and the commit. H2 sends the lock, the lots, each
    // update and each table's inserts on their own.
    assertThat(steps).isEqualTo(db == Database.POSTGRESQL ? 5 : 12);

    for (int n = 1; n <= steps; n++) {
      PatientId patient = PatientId.of("patient-" + n);
      String appointment = "A-" + n;
      pay("F-" + n, patient);
      Map<String, Long> before = rowCounts();
      faulty.failAt(n, CONNECTION_LOST);

      assertThatThrownBy(() -> schedule(appointment, patient)).as("fault at step %d", n)
          .isInstanceOf(StorageException.class);

      assertThat(rowCounts()).as("rows after a fault at step %d", n).isEqualTo(before);
      assertThat(f.balance(patient, fysio)).isEqualTo(10);
      faulty.disarm();
      ScheduleResult first = schedule(appointment, patient);
      assertThat(first).isInstanceOf(ScheduleResult.Covered.class);
      assertThat(schedule(appointment, patient)).isEqualTo(first);
      assertThat(f.balance(patient, fysio)).isEqualTo(9);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aTransientFaultAtAnyStatementIsRetriedByTheCoreAndCompletesExactlyOnce(Database db) {
    setUp(db);
    int paySteps = stepsOf(() -> pay("F-probe", PatientId.of("probe")));
    int spendSteps = stepsOf(() -> schedule("A-probe", PatientId.of("probe")));

    for (int n = 1; n <= Math.max(paySteps, spendSteps); n++) {
      PatientId patient = PatientId.of("patient-" + n);
      if (n <= paySteps) {
        faulty.failAt(n, SERIALIZATION_FAILURE);
        assertThat(pay("F-" + n, patient)).as("grant with a fault at step %d", n)
            .isInstanceOf(PaymentResult.Granted.class);
      } else {
        pay("F-" + n, patient);
      }
      if (n <= spendSteps) {
        faulty.failAt(n, SERIALIZATION_FAILURE);
        assertThat(schedule("A-" + n, patient)).as("spend with a fault at step %d", n)
            .isInstanceOf(ScheduleResult.Covered.class);
      }
      faulty.disarm();
      assertThat(f.balance(patient, fysio)).isEqualTo(n <= spendSteps ? 9 : 10);
      assertThat(f.balance(patient, massage)).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aConflictThatPersistsFailsClearlyAfterTheBoundedRetriesAndStoresNothing(Database db) {
    setUp(db);
    PatientId patient = PatientId.of("patient-1");
    pay("F-1", patient);
    Map<String, Long> before = rowCounts();
    faulty.failAlways("40P01");

    assertThatThrownBy(() -> schedule("A-1", patient)).isInstanceOf(TransactionFailedException.class)
        .hasMessageContaining("after 5 attempts").hasMessageContaining("40P01")
        .satisfies(e -> assertThat(((TransactionFailedException) e).attempts()).isEqualTo(5));

    faulty.disarm();
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(schedule("A-1", patient)).isInstanceOf(ScheduleResult.Covered.class);
  }

  private int stepsOf(Supplier<?> call) {
    faulty.disarm();
    call.get();
    int steps = faulty.steps();
    faulty.disarm();
    return steps;
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : Database.TABLES) {
      counts.put(table, LedgerAudit.count(database.dataSource(), table));
    }
    return counts;
  }
}
