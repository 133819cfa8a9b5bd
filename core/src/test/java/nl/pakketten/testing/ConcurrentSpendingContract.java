package nl.pakketten.testing;

import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.ImportResult;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.spi.Storage;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads on one wallet at once: credits are never overdrawn, no update is lost and a command
 * delivered several times at once takes effect once. Written against {@link Storage}, so every
 * adapter runs it: subclass it and implement {@link #newStorage()}.
 *
 * <p>All threads wait on one start gate, so they really race; every wait is bounded. Each test uses
 * a practice with a fresh random id, so the storage may be shared between tests.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class ConcurrentSpendingContract {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final PatientId PATIENT = PatientId.of("patient-1");

  /** A storage to test; called once per test. It may already hold data of other practices. */
  protected abstract Storage newStorage();

  protected Fixtures fixtures;
  protected Pakketten pakketten;
  protected PracticeId practice;
  protected PackageId packageId;

  @BeforeEach
  void setUp() {
    fixtures = new Fixtures(newStorage());
    pakketten = fixtures.pakketten;
    practice = PracticeId.of("concurrency-" + UUID.randomUUID());
    packageId = fixtures.createPackage(practice, "Fysio", eur("33.33")).id();
    fixtures.linkProduct(practice, "P10", packageId, 10, eur("333.30"));
    fixtures.linkType(practice, "T1", packageId, 1);
  }

  @Test
  void sixtyFourThreadsSpendingFromFiftyCreditsGetExactlyFiftyAppointmentsCovered() throws Exception {
    importCredits("import-1", 50);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger lowestBalanceSeen = new AtomicInteger(Integer.MAX_VALUE);
    Thread watcher = new Thread(() -> {
      while (running.get()) {
        lowestBalanceSeen.accumulateAndGet(balance(), Math::min);
        LockSupport.parkNanos(200_000);
      }
    }, "balance-watcher");
    watcher.start();

    List<Object> outcomes;
    try {
      outcomes = race(64, i -> () -> schedule("A-" + i));
    } finally {
      running.set(false);
      watcher.join(WAIT.toMillis());
    }

    assertThat(outcomes).filteredOn(ScheduleResult.Covered.class::isInstance).hasSize(50);
    assertThat(outcomes).filteredOn(InsufficientCreditsException.class::isInstance).hasSize(14)
        .allSatisfy(e -> assertThat(((InsufficientCreditsException) e).spendable()).isZero());
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfAny(ScheduleResult.Covered.class,
        InsufficientCreditsException.class));
    assertThat(balance()).isZero();
    assertThat(lowestBalanceSeen.get()).isGreaterThanOrEqualTo(0);
    assertThat(lots()).singleElement().satisfies(lot -> {
      assertThat(lot.creditsRemaining()).isZero();
      assertThat(lot.recognisedRevenue()).isEqualTo(lot.deferredValue());
    });
    assertThat(movements(MovementKind.SPENT)).hasSize(50).allSatisfy(m -> assertThat(m.credits()).isOne());
    assertThat(journal()).filteredOn(e -> e.sourceKey().startsWith("appointment:")).hasSize(50);
    assertThat(creditEvents(CreditEvents.CreditsSpent.class)).hasSize(50);
    long stored = outcomes.stream().filter(ScheduleResult.Covered.class::isInstance)
        .map(o -> ((ScheduleResult.Covered) o).appointmentId())
        .filter(id -> pakketten.findAppointment(practice, id).isPresent()).count();
    assertThat(stored).isEqualTo(50);
  }

  @Test
  void theSamePaymentRegisteredBySixteenThreadsAtOnceGrantsOnce() throws Exception {
    List<Object> outcomes = race(16, i -> () -> pakketten.registerPayment(
        Fixtures.invoice(practice, "F-1", PATIENT, InvoiceLine.of("P10", 1, eur("333.30")))));

    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(PaymentResult.class));
    assertThat(outcomes).filteredOn(PaymentResult.Granted.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(PaymentResult.AlreadyGranted.class::isInstance).hasSize(15);
    assertThat(outcomes).extracting(o -> ((PaymentResult) o).grants()).containsOnly(
        ((PaymentResult) outcomes.get(0)).grants());
    assertThat(balance()).isEqualTo(10);
    assertThat(lots()).hasSize(1);
    assertThat(movements(MovementKind.GRANTED)).hasSize(1);
    assertThat(journal()).hasSize(1);
    assertThat(creditEvents(CreditEvents.CreditsGranted.class)).hasSize(1);
  }

  @Test
  void theSameImportBySixteenThreadsAtOnceImportsOnce() throws Exception {
    List<Object> outcomes = race(16, i -> () -> pakketten.importCredits(
        Fixtures.importCommand(practice, "import-1", PATIENT, packageId, 7, eur("12.00"), null)));

    assertThat(outcomes).filteredOn(ImportResult.Imported.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(ImportResult.AlreadyImported.class::isInstance).hasSize(15);
    assertThat(outcomes).extracting(o -> ((ImportResult) o).grant()).containsOnly(
        ((ImportResult) outcomes.get(0)).grant());
    assertThat(balance()).isEqualTo(7);
    assertThat(movements(MovementKind.IMPORTED)).hasSize(1);
  }

  @Test
  void theSameAppointmentScheduledAndThenCancelledBySixteenThreadsAtOnceSpendsAndGivesBackOnce()
      throws Exception {
    importCredits("import-1", 5);

    List<Object> scheduled = race(16, i -> () -> schedule("A-1"));

    assertThat(scheduled).allSatisfy(o -> assertThat(o).usingRecursiveComparison().ignoringFields("replay")
        .isEqualTo(scheduled.get(0)));
    assertThat(scheduled).filteredOn(o -> !((ScheduleResult) o).replay()).as("one first call, 15 replays").hasSize(1);
    assertThat(scheduled.get(0)).isInstanceOfSatisfying(ScheduleResult.Covered.class,
        c -> assertThat(c.credits()).isOne());
    assertThat(balance()).isEqualTo(4);
    assertThat(movements(MovementKind.SPENT)).hasSize(1);

    List<Object> cancelled = race(16, i -> () -> cancel("A-1"));

    assertThat(cancelled).allSatisfy(o -> assertThat(o).usingRecursiveComparison().ignoringFields("replay")
        .isEqualTo(cancelled.get(0)));
    assertThat(cancelled).filteredOn(o -> !((CancelResult) o).replay()).as("one first call, 15 replays").hasSize(1);
    assertThat(cancelled.get(0)).isInstanceOf(CancelResult.GivenBack.class);
    assertThat(balance()).isEqualTo(5);
    assertThat(movements(MovementKind.GIVEN_BACK)).hasSize(1);
    assertThat(creditEvents(CreditEvents.CreditsGivenBack.class)).hasSize(1);
  }

  @Test
  void threadsSchedulingAndCancellingOnOneWalletLoseNoUpdate() throws Exception {
    importCredits("import-1", 20);

    List<Object> outcomes = race(40, i -> () -> {
      Object first = schedule("A-" + i);
      return first instanceof ScheduleResult.Covered ? cancel("A-" + i) : first;
    });

    long covered = outcomes.stream().filter(CancelResult.GivenBack.class::isInstance).count();
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfAny(CancelResult.GivenBack.class,
        InsufficientCreditsException.class));
    assertThat(covered).isGreaterThanOrEqualTo(20);
    assertThat(balance()).isEqualTo(20);
    assertThat(movements(MovementKind.SPENT)).hasSize((int) covered);
    assertThat(movements(MovementKind.GIVEN_BACK)).hasSize((int) covered);
    assertThat(lots()).singleElement().satisfies(lot -> {
      assertThat(lot.creditsRemaining()).isEqualTo(20);
      assertThat(lot.recognisedRevenue().isZero()).isTrue();
    });
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Runs {@code n} tasks on {@code n} threads released together by one start gate; returns what
   * each returned or the {@link RuntimeException} it threw, in task order.
   */
  protected List<Object> race(int n, IntFunction<Callable<?>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<?> work = task.apply(i);
        futures.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          try {
            return work.call();
          } catch (RuntimeException e) {
            return e;
          }
        }));
      }
      assertThat(ready.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("all threads ready").isTrue();
      start.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        outcomes.add(future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("pool stopped").isTrue();
    }
  }

  private void importCredits(String importId, int credits) {
    pakketten.importCredits(Fixtures.importCommand(practice, importId, PATIENT, packageId, credits, eur("33.33"),
        null));
  }

  private Object schedule(String appointmentId) {
    try {
      return pakketten.schedule(Fixtures.scheduleCommand(practice, appointmentId, PATIENT, "T1",
          Fixtures.START.plus(Duration.ofDays(7))));
    } catch (InsufficientCreditsException e) {
      return e;
    }
  }

  private CancelResult cancel(String appointmentId) {
    return pakketten.cancel(CancelAppointment.builder().practice(practice).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of(appointmentId)).build());
  }

  private int balance() {
    return pakketten.balance(practice, PATIENT, packageId);
  }

  private List<Lot> lots() {
    return pakketten.lots(practice, PATIENT);
  }

  private List<Movement> movements(MovementKind kind) {
    return Pages.history(pakketten, practice, PATIENT).stream().filter(m -> m.kind() == kind).toList();
  }

  private List<JournalEntry> journal() {
    return Pages.journal(pakketten, practice, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));
  }

  private List<CreditEvents.CreditEvent> creditEvents(Class<? extends CreditEvents.CreditEvent> type) {
    synchronized (fixtures.events) {
      return fixtures.events.stream().filter(type::isInstance).map(CreditEvents.CreditEvent.class::cast).toList();
    }
  }
}
