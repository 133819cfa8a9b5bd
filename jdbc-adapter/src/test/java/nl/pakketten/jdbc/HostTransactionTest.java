package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import nl.pakketten.appointments.ChangeAppointmentType;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.storage.OutcomeUnknownException;
import nl.pakketten.storage.TransactionFailedException;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.testing.Pages;
import nl.pakketten.wallet.MovementKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Commands inside a transaction the host opened: they commit and roll back with it, a failed one
 * leaves no trace and the host's transaction usable, and a lock conflict (where the database aborts
 * the transaction) or the connection ending is reported to the host, with the command's key,
 * instead of retried.
 */
class HostTransactionTest {
  private static final Instant START = Fixtures.START.plusSeconds(7 * 24 * 3600);

  private Database database;
  private FaultyDataSource faulty;
  private JdbcStorage storage;
  private Fixtures f;
  private PackageId fysio;
  private PackageId massage;

  private void setUp(Database db) {
    database = db;
    db.clean();
    faulty = new FaultyDataSource(db.dataSource());
    storage = JdbcStorage.create(faulty);
    f = new Fixtures(storage);
    fysio = f.createPackage("Fysio", eur("40.00")).id();
    massage = f.createPackage("Massage", eur("30.00")).id();
    f.linkProduct("FYSIO10", fysio, 10, eur("400.00"));
    f.linkType("fysio", fysio, 1);
    f.linkType("massage", massage, 1);
  }

  private Connection hostConnection() throws SQLException {
    Connection c = faulty.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  private PaymentResult pay(String invoice) {
    return f.pay(invoice, PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void commandsInTheHostsTransactionCommitWithIt(Database db) throws SQLException {
    setUp(db);
    try (Connection host = hostConnection()) {
      storage.inHostTransaction(host, () -> {
        pay("F-1");
        return f.schedule("A-1", PATIENT, "fysio");
      });
      assertThat(f.balance(PATIENT, fysio)).as("not visible before the host commits").isZero();
      host.commit();
    }
    assertThat(f.balance(PATIENT, fysio)).isEqualTo(9);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void commandsInTheHostsTransactionRollBackWithIt(Database db) throws SQLException {
    setUp(db);
    try (Connection host = hostConnection()) {
      storage.inHostTransaction(host, () -> pay("F-1"));
      host.rollback();
    }
    assertThat(f.balance(PATIENT, fysio)).isZero();
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_grant_receipts")).isZero();
    assertThat(pay("F-1")).isInstanceOf(PaymentResult.Granted.class);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aFailedCommandLeavesNoTraceAndTheHostsTransactionUsable(Database db) throws SQLException {
    setUp(db);
    pay("F-1");
    f.schedule("A-1", PATIENT, "fysio");
    try (Connection host = hostConnection()) {
      storage.inHostTransaction(host, () -> {
        // The type change gives the fysio credit back, then finds no massage credits: the give-back
        // it already wrote must go too.
        assertThatThrownBy(() -> f.pakketten.changeAppointmentType(ChangeAppointmentType.builder()
            .practice(PRACTICE).actor(RECEPTIONIST).appointmentId(AppointmentId.of("A-1"))
            .typeId(AppointmentTypeId.of("massage")).build())).isInstanceOf(InsufficientCreditsException.class);
        return f.schedule("A-2", PATIENT, "fysio");
      });
      host.commit();
    }
    assertThat(f.balance(PATIENT, fysio)).isEqualTo(8);
    assertThat(Pages.history(f.pakketten, PRACTICE, PATIENT)).extracting(m -> m.kind())
        .containsExactly(MovementKind.GRANTED, MovementKind.SPENT, MovementKind.SPENT);
    assertThat(LedgerAudit.violations(db.dataSource())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aLockConflictInsideTheHostsTransactionIsReportedNotRetried(Database db) throws SQLException {
    setUp(db);
    pay("F-1");
    try (Connection host = hostConnection()) {
      faulty.failAt(3, "40P01");
      assertThatThrownBy(() -> storage.inHostTransaction(host, () -> f.schedule("A-1", PATIENT, "fysio")))
          .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
            assertThat(e.key()).hasValue("A-1");
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.isRetryable()).isTrue();
          })
          .hasMessageContaining("inside the host's transaction")
          .hasMessageContaining("nothing of it was stored")
          .hasMessageContaining("40P01");
      faulty.disarm();
      // Rolled back to the savepoint: the host's transaction goes on.
      storage.inHostTransaction(host, () -> f.schedule("A-2", PATIENT, "fysio"));
      host.commit();
    }
    assertThat(f.balance(PATIENT, fysio)).isEqualTo(9);
    assertThat(f.storage.appointments().find(PRACTICE, AppointmentId.of("A-1"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aConnectionEndingInsideTheHostsTransactionReachesTheHostAsAnUnknownOutcomeWithTheKey(Database db)
      throws SQLException {
    setUp(db);
    pay("F-1");
    f.events.clear();
    try (Connection host = hostConnection()) {
      faulty.failAt(3, "57P01");
      assertThatThrownBy(() -> storage.inHostTransaction(host, () -> f.schedule("A-1", PATIENT, "fysio")))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.key()).isEqualTo("A-1");
            assertThat(e.operation()).isEqualTo("schedule");
            assertThat(e.attempts()).isEqualTo(1);
          })
          .hasMessageContaining("inside the host's transaction")
          .hasMessageContaining("roll the host's transaction back and run it again with the same key A-1")
          .hasMessageContaining("57P01");
      faulty.disarm();
      host.rollback(); // as the message says
    }
    assertThat(f.events).isEmpty();
    // The host's replay with the same key stores it once.
    try (Connection host = hostConnection()) {
      storage.inHostTransaction(host, () -> f.schedule("A-1", PATIENT, "fysio"));
      host.commit();
    }
    assertThat(f.schedule("A-1", PATIENT, "fysio")).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(f.balance(PATIENT, fysio)).isEqualTo(9);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aKeyTakenConcurrentlyIsRetriedInsideTheHostsTransaction(Database db) throws SQLException {
    setUp(db);
    pay("F-1");
    int steps;
    try (Connection host = hostConnection()) {
      faulty.disarm();
      storage.inHostTransaction(host, () -> f.schedule("A-probe", PATIENT, "fysio"));
      steps = faulty.steps();
      host.rollback();
    }
    try (Connection host = hostConnection()) {
      // A unique violation at the last statement (storing the appointment) rolls back to the
      // savepoint and is retried in the same transaction, where a real duplicate would now be visible.
      faulty.failAt(steps, "23505");
      ScheduleResult result = storage.inHostTransaction(host, () -> f.schedule("A-1", PATIENT, "fysio"));
      host.commit();
      assertThat(result).isInstanceOf(ScheduleResult.Covered.class);
    }
    assertThat(f.balance(PATIENT, fysio)).isEqualTo(9);
    assertThat(LedgerAudit.violations(db.dataSource())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aHostTransactionFoundThroughTheHookIsJoinedAndOtherwiseTheAdapterOpensItsOwn(Database db) throws SQLException {
    setUp(db);
    ThreadLocal<Connection> open = new ThreadLocal<>();
    HostTransaction hook = new HostTransaction() {
      @Override
      public Connection currentConnection() {
        return open.get();
      }

      @Override
      public void release(Connection connection) {
        // The host's transaction manager closes it.
      }
    };
    Fixtures hooked = new Fixtures(JdbcStorage.builder(db.dataSource()).hostTransaction(hook).build());

    try (Connection host = hostConnection()) {
      open.set(host);
      hooked.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));
      host.rollback();
      open.remove();
    }
    assertThat(f.balance(PATIENT, fysio)).isZero();
    hooked.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));
    assertThat(f.balance(PATIENT, fysio)).isEqualTo(10);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aHostConnectionInAutoCommitModeIsRefusedClearly(Database db) throws SQLException {
    setUp(db);
    try (Connection host = db.dataSource().getConnection()) {
      assertThatThrownBy(() -> storage.inHostTransaction(host, () -> pay("F-1")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("auto-commit");
    }
    assertThat(f.balance(PATIENT, fysio)).isZero();
  }
}
