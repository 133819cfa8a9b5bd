package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.storage.OutcomeUnknownException;
import nl.pakketten.storage.StorageException;
import nl.pakketten.storage.TransactionFailedException;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fault injected at each statement (and the commit) of a grant and of a spend in turn: a refused
 * call leaves no trace, and running it again with the same key completes it exactly once; a
 * transient fault (a conflict, or the connection ending, before or after the commit) is retried by
 * the core with the same key and completes exactly once, its events published once.
 */
class AtomicityTest {
  private static final Instant START = Fixtures.START.plusSeconds(7 * 24 * 3600);
  /** An internal error: refused, so the core does not retry and the caller sees the failure. */
  private static final String REFUSED = "XX000";
  /** A lost connection (PgJDBC): the outcome is unknown, so the core retries with the same key. */
  private static final String CONNECTION_LOST = "08006";
  /** pg_terminate_backend or a server restart: the outcome is unknown, so the core retries. */
  private static final String ADMIN_SHUTDOWN = "57P01";

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
    setUp(db, true);
  }

  /**
   * With {@code events} false the SDK has no publisher, so a command's statements are its own: with
   * one, a command that raised events also removes them from the outbox after its commit, in a
   * transaction of its own (see {@link #aFaultRemovingPublishedEventsAfterTheCommitLeavesThemQueuedAndTheCommandDone}).
   */
  private void setUp(Database db, boolean events) {
    database = db;
    db.clean();
    faulty = new FaultyDataSource(db.dataSource());
    f = events ? new Fixtures(JdbcStorage.create(faulty))
        : new Fixtures(JdbcStorage.create(faulty), nl.pakketten.spi.EventPublisher.none());
    fysio = f.createPackage("Fysio", eur("40.00")).id();
    massage = f.createPackage("Massage", eur("30.00")).id();
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
    setUp(db, false);
    int steps = stepsOf(() -> pay("F-probe", PatientId.of("probe")));
    assertThat(steps).isGreaterThan(10);

    for (int n = 1; n < steps; n++) { // the last step, the commit, is never refused: see below
      PatientId patient = PatientId.of("patient-" + n);
      String invoice = "F-" + n;
      Map<String, Long> before = rowCounts();
      faulty.failAt(n, REFUSED);

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
    setUp(db, false);
    pay("F-probe", PatientId.of("probe"));
    int steps = stepsOf(() -> schedule("A-probe", PatientId.of("probe")));
    // The round trips of a spend without an event publisher. PostgreSQL: the appointment, its type,
    // the wallet's lock with its lots, one statement updating the lot and the wallet and inserting
    // the movement, journal entry and lines, appointment and allocation, and the commit. H2 sends
    // the lock, the lots, each update and each table's inserts on their own. (With a publisher the
    // package's low-balance threshold is read too, before anything is held: one more.)
    assertThat(steps).isEqualTo(db == Database.POSTGRESQL ? 5 : 12);

    for (int n = 1; n < steps; n++) { // the last step, the commit, is never refused: see below
      PatientId patient = PatientId.of("patient-" + n);
      String appointment = "A-" + n;
      pay("F-" + n, patient);
      Map<String, Long> before = rowCounts();
      faulty.failAt(n, REFUSED);

      assertThatThrownBy(() -> schedule(appointment, patient)).as("fault at step %d", n)
          .isInstanceOf(StorageException.class);

      assertThat(rowCounts()).as("rows after a fault at step %d", n).isEqualTo(before);
      assertThat(f.balance(patient, fysio)).isEqualTo(10);
      faulty.disarm();
      ScheduleResult first = schedule(appointment, patient);
      assertThat(first).isInstanceOf(ScheduleResult.Covered.class);
      assertThat(schedule(appointment, patient)).usingRecursiveComparison().ignoringFields("replay")
          .isEqualTo(first);
      assertThat(f.balance(patient, fysio)).isEqualTo(9);
    }
  }

  @ParameterizedTest
  @CsvSource({"POSTGRESQL, 40001, false", "H2, 40001, false", "POSTGRESQL, 57P01, false", "H2, 08006, false",
      "POSTGRESQL, 57P01, true", "H2, 08006, true"})
  void aTransientFaultAtAnyStatementIsRetriedByTheCoreAndCompletesExactlyOnce(Database db, String sqlState,
      boolean afterRunning) {
    setUp(db);
    int paySteps = stepsOf(() -> pay("F-probe", PatientId.of("probe")));
    int spendSteps = stepsOf(() -> schedule("A-probe", PatientId.of("probe")));

    for (int n = 1; n <= Math.max(paySteps, spendSteps); n++) {
      PatientId patient = PatientId.of("patient-" + n);
      if (n <= paySteps) {
        arm(n, sqlState, afterRunning);
        // After a commit that happened, the retry answers from what it stored, as the first call.
        assertThat(pay("F-" + n, patient)).as("grant with a fault at step %d", n)
            .isInstanceOf(PaymentResult.Granted.class);
      } else {
        pay("F-" + n, patient);
      }
      if (n <= spendSteps) {
        arm(n, sqlState, afterRunning);
        assertThat(schedule("A-" + n, patient)).as("spend with a fault at step %d", n)
            .isInstanceOf(ScheduleResult.Covered.class);
      }
      faulty.disarm();
      assertThat(f.balance(patient, fysio)).isEqualTo(n <= spendSteps ? 9 : 10);
      assertThat(f.balance(patient, massage)).isEqualTo(10);
    }
  }

  private void arm(int n, String sqlState, boolean afterRunning) {
    if (afterRunning) {
      faulty.failAfter(n, sqlState);
    } else {
      faulty.failAt(n, sqlState);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aCommitThatHappenedButWasReportedLostAnswersAsTheFirstCallDidWithOneEffectAndEventsOnce(Database db) {
    setUp(db);
    PatientId patient = PatientId.of("patient-1");
    int paySteps = stepsOf(() -> pay("F-probe", PatientId.of("probe")));
    ScheduleResult expected = schedule("A-probe", PatientId.of("probe"));
    int spendSteps = stepsOf(() -> schedule("A-probe-2", PatientId.of("probe")));
    f.events.clear();

    faulty.failAfter(paySteps, ADMIN_SHUTDOWN); // the last step is the commit: it happens, its answer is lost
    PaymentResult payment = pay("F-1", patient);
    // The stored answer, as the first call's: the lost attempt was this call's own.
    assertThat(payment).as("the stored answer").isInstanceOf(PaymentResult.Granted.class);
    assertThat(payment.grants()).extracting(g -> g.credits()).containsExactlyInAnyOrder(10, 10);
    faulty.failAfter(spendSteps, CONNECTION_LOST);
    ScheduleResult spend = schedule("A-1", patient);
    assertThat(spend).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(spend.replay()).as("this call's own lost attempt is not a replay to the host").isFalse();
    assertThat(payment.replay()).isFalse();
    assertThat(((ScheduleResult.Covered) spend).credits()).isEqualTo(((ScheduleResult.Covered) expected).credits());
    faulty.disarm();
    int events = f.events.size();

    assertThat(f.balance(patient, fysio)).isEqualTo(9);
    assertThat(f.balance(patient, massage)).isEqualTo(10);
    assertThat(nl.pakketten.testing.Pages.history(f.pakketten, PRACTICE, patient)).hasSize(3);
    assertThat(LedgerAudit.count(db.dataSource(),
        "SELECT COUNT(*) FROM pakketten_appointments WHERE appointment_id = ?", "A-1")).isEqualTo(1);
    // Each event once, from the attempt that committed.
    assertThat(events).isEqualTo(eventsOfAFaultFreeRun());
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aCommitThatDidNotHappenAndWasReportedLostIsStoredOnceByTheRetry(Database db) {
    setUp(db);
    PatientId patient = PatientId.of("patient-1");
    int paySteps = stepsOf(() -> pay("F-probe", PatientId.of("probe")));
    int spendSteps = stepsOf(() -> schedule("A-probe", PatientId.of("probe")));
    f.events.clear();

    faulty.failAt(paySteps, ADMIN_SHUTDOWN); // the commit is not sent
    assertThat(pay("F-1", patient)).isInstanceOf(PaymentResult.Granted.class);
    faulty.failAt(spendSteps, CONNECTION_LOST);
    assertThat(schedule("A-1", patient)).isInstanceOf(ScheduleResult.Covered.class);
    faulty.disarm();
    int events = f.events.size();

    assertThat(f.balance(patient, fysio)).isEqualTo(9);
    assertThat(f.balance(patient, massage)).isEqualTo(10);
    assertThat(nl.pakketten.testing.Pages.history(f.pakketten, PRACTICE, patient)).hasSize(3);
    assertThat(events).isEqualTo(eventsOfAFaultFreeRun());
  }

  /** How many events paying and scheduling as above raise with nothing failing. */
  private int eventsOfAFaultFreeRun() {
    int before = f.events.size();
    PatientId patient = PatientId.of("patient-reference");
    pay("F-reference", patient);
    schedule("A-reference", patient);
    return f.events.size() - before;
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aConnectionThatKeepsEndingIsReportedAsAnUnknownOutcomeWithTheKey(Database db) {
    setUp(db);
    PatientId patient = PatientId.of("patient-1");
    pay("F-1", patient);
    Map<String, Long> before = rowCounts();
    faulty.failAlways(ADMIN_SHUTDOWN);

    assertThatThrownBy(() -> schedule("A-1", patient)).isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
      assertThat(e.key()).isEqualTo("A-1");
      assertThat(e.operation()).isEqualTo("schedule");
      assertThat(e.attempts()).isEqualTo(5);
      assertThat(e.isRetryable()).isTrue();
      assertThat(e).hasMessageContaining("may or may not have been stored").hasMessageContaining("same key A-1")
          .hasMessageContaining("57P01");
    });

    faulty.disarm();
    assertThat(rowCounts()).isEqualTo(before); // here every fault came before anything was sent
    assertThat(schedule("A-1", patient)).isInstanceOf(ScheduleResult.Covered.class);
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
        .hasMessageContaining("nothing of it was stored")
        .satisfies(e -> assertThat(((TransactionFailedException) e).attempts()).isEqualTo(5))
        .satisfies(e -> assertThat(((TransactionFailedException) e).key()).hasValue("A-1"));

    faulty.disarm();
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(schedule("A-1", patient)).isInstanceOf(ScheduleResult.Covered.class);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aFaultRemovingPublishedEventsAfterTheCommitLeavesThemQueuedAndTheCommandDone(Database db) {
    setUp(db, true);
    pay("F-probe", PatientId.of("probe"));
    int withRemoval = stepsOf(() -> schedule("A-probe", PatientId.of("probe")));
    PatientId patient = PatientId.of("patient-late");
    pay("F-late", patient);
    f.events.clear();
    // The last statements are the removal of the published events and its commit.
    faulty.failAt(withRemoval - 1, REFUSED);

    ScheduleResult result = schedule("A-late", patient);

    faulty.disarm();
    assertThat(result).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(f.balance(patient, fysio)).isEqualTo(9);
    assertThat(f.events).isNotEmpty(); // published on the calling thread after the commit
    // Still queued: after the grace a dispatcher publishes them again (at least once).
    assertThat(f.pakketten.outboxMessages(PRACTICE, null, nl.pakketten.common.PageRequest.first()).items())
        .hasSize(f.events.size()).allSatisfy(m -> assertThat(m.kind()).isEqualTo(nl.pakketten.outbox.MessageKind.EVENT));
    int published = f.events.size();
    f.clock.advance(java.time.Duration.ofSeconds(30));
    assertThat(f.pakketten.dispatchOutbox().delivered()).isEqualTo(published);
    assertThat(f.events).hasSize(2 * published);
    assertThat(f.pakketten.outboxDepth()).isZero();
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
