package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.UserId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.testing.Pages;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Wallet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rows appended to the insert-only tables are held back and written together before the commit:
 * the transaction still reads its own appends, a flush too large for one statement is split in
 * order, sibling inserts of one statement satisfy (and are checked by) their foreign keys, a
 * duplicate appointment found at the flush is retried into a replay, and a saved wallet's held
 * updates stay guarded by the values read under its lock.
 */
class WriteBehindTest {
  private static final Instant AT = Fixtures.START;
  private static final PackageId PK = PackageId.of("pk-1");

  private static Movement movement(String id) {
    return ValueBuilders.movement().id(id).practice(PRACTICE).patient(PATIENT).packageId(PK).lotId(LotId.of("lot-1"))
        .kind(MovementKind.SPENT).credits(1).revenue(eur("40.00")).at(AT).actor(UserId.of("reception-1"))
        .reason("appointment A-1 of type T1 scheduled").sourceKey("appointment:A-1").build();
  }

  private static JournalEntry entry(String id) {
    return new JournalEntry(id, PRACTICE, AT, EntryKind.SPEND, PATIENT, PK, LotId.of("lot-1"), "appointment:A-1",
        "Credits spent",
        List.of(new JournalLine("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, eur("40.00")),
            new JournalLine("8000", AccountRole.REVENUE, Side.CREDIT, eur("40.00"))));
  }

  private static Appointment appointment(String id) {
    return ValueBuilders.appointment().practice(PRACTICE).id(AppointmentId.of(id)).patient(PATIENT)
        .typeId(AppointmentTypeId.of("T1")).scheduledTypeId(AppointmentTypeId.of("T1")).start(AT.plusSeconds(3600))
        .status(Appointment.Status.SCHEDULED).coverage(Appointment.Coverage.COVERED).packageId(Optional.of(PK))
        .cost(2).allocations(List.of(new Allocation(LotId.of("lot-1"), 1, eur("40.00")),
            new Allocation(LotId.of("lot-2"), 1, eur("35.00"))))
        .changedBy(UserId.of("reception-1")).changedAt(AT).build();
  }

  private static <T> T tx(JdbcStorage storage, Supplier<T> work) {
    return storage.transactions().inTransaction(work);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void theTransactionReadsAndChangesWhatItAppendedBeforeItIsWritten(Database db) {
    JdbcStorage storage = db.emptyStorage();
    Appointment appointment = appointment("A-1");
    Appointment cancelled = ValueBuilders.appointment().from(appointment).status(Appointment.Status.CANCELLED)
        .cancelOutcome(Appointment.CancelOutcome.GIVEN_BACK).allocations(List.of()).build();

    tx(storage, () -> {
      storage.history().append(movement("m-1"));
      assertThat(Pages.all(r -> storage.history().ofPatient(PRACTICE, PATIENT, r))).containsExactly(movement("m-1"));
      storage.journal().append(entry("e-1"));
      storage.history().append(movement("m-2"));
      assertThat(Pages.all(r -> storage.journal().entries(PRACTICE, AT, Fixtures.FAR_FUTURE, r))).containsExactly(entry("e-1"));
      assertThat(Pages.all(r -> storage.history().ofPatient(PRACTICE, PATIENT, r))).containsExactly(movement("m-1"), movement("m-2"));
      storage.appointments().insert(appointment);
      assertThat(storage.appointments().find(PRACTICE, appointment.id())).contains(appointment);
      storage.appointments().insert(appointment("A-2"));
      storage.appointments().update(ValueBuilders.appointment().from(appointment("A-2"))
          .status(Appointment.Status.CANCELLED).cancelOutcome(Appointment.CancelOutcome.GIVEN_BACK)
          .allocations(List.of()).build());
      return null;
    });

    assertThat(tx(storage, () -> storage.appointments().find(PRACTICE, appointment.id()))).contains(appointment);
    assertThat(tx(storage, () -> storage.appointments().find(PRACTICE, AppointmentId.of("A-2"))))
        .contains(ValueBuilders.appointment().from(cancelled).id(AppointmentId.of("A-2")).build());
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_allocations")).isEqualTo(2);
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_movements")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aTransactionThatFailsAfterAppendingWritesNone(Database db) {
    JdbcStorage storage = db.emptyStorage();

    assertThatThrownBy(() -> tx(storage, () -> {
      storage.history().append(movement("m-1"));
      storage.journal().append(entry("e-1"));
      storage.appointments().insert(appointment("A-1"));
      throw new IllegalStateException("the command failed after appending");
    })).hasMessage("the command failed after appending");

    for (String table : Database.TABLES) {
      assertThat(LedgerAudit.count(db.dataSource(), table)).as(table).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aFlushTooLargeForOneStatementIsSplitKeepingTheOrderOfAppending(Database db) {
    JdbcStorage storage = db.emptyStorage();
    // 2,500 movements are 32,500 parameters, 2,500 entries with two lines each 60,000 more.
    int n = 2_500;
    List<Movement> movements = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      movements.add(movement("m-" + i));
    }
    tx(storage, () -> {
      for (int i = 0; i < n; i++) {
        storage.history().append(movements.get(i));
        storage.journal().append(entry("e-" + i));
      }
      return null;
    });

    assertThat(tx(storage, () -> Pages.all(r -> storage.history().ofPatient(PRACTICE, PATIENT, r)))).containsExactlyElementsOf(movements);
    List<JournalEntry> entries = tx(storage, () -> Pages.all(r -> storage.journal().entries(PRACTICE, AT, Fixtures.FAR_FUTURE, r)));
    assertThat(entries).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(entries.get(i)).isEqualTo(entry("e-" + i));
    }
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_journal_lines")).isEqualTo(2L * n);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void onPostgreSqlOneFlushIsOneStatementWhoseSiblingInsertsMeetTheirForeignKeys(Database db) throws SQLException {
    db.clean();
    FaultyDataSource counting = new FaultyDataSource(db.dataSource());
    JdbcStorage storage = JdbcStorage.create(counting);
    counting.disarm();
    tx(storage, () -> {
      storage.history().append(movement("m-1"));
      storage.journal().append(entry("e-1"));
      storage.appointments().insert(appointment("A-1"));
      return null;
    });
    // Journal lines refer to their entry and allocations to their appointment, inserted by sibling
    // WITH clauses of the same statement: the foreign keys are checked at the end of the statement.
    assertThat(counting.steps()).as("statements and the commit").isEqualTo(db == Database.POSTGRESQL ? 2 : 6);
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_journal_lines")).isEqualTo(2);
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_allocations")).isEqualTo(2);

    // ... and they are checked: a line whose entry is in neither the flush nor the table is refused.
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      UnitOfWork work = new UnitOfWork(c, db == Database.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.H2);
      work.append(UnitOfWork.Table.MOVEMENTS, new Object[] {PRACTICE.value(), "m-2", PATIENT.value(), PK.value(),
          "lot-1", "SPENT", 1, eur("40.00").getAmount(), "EUR", Values.instant(AT), "reception-1", "why", "key"});
      work.append(UnitOfWork.Table.JOURNAL_LINES, new Object[] {PRACTICE.value(), "no-such-entry", 0, "8000", "REVENUE",
          "CREDIT", eur("40.00").getAmount(), "EUR", Values.instant(AT), PK.value(), "SPEND"});
      assertThatThrownBy(work::flush).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(SqlErrors.sqlState((SQLException) e)).isIn("23503", "23506"));
      c.rollback();
    }
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_movements")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aDuplicateAppointmentFoundAtTheFlushIsRetriedAndAnsweredAsAReplay(Database db) throws Exception {
    JdbcStorage storage = db.emptyStorage();
    Fixtures f = new Fixtures(storage);
    f.linkType("intake", null, 1); // not linked to a package: no wallet lock serialises the two calls
    ScheduleResult first;
    CompletableFuture<ScheduleResult> second;
    try (Connection holder = db.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      first = storage.inHostTransaction(holder, () -> f.schedule("A-1", PATIENT, "intake"));
      // The second call finds no appointment A-1 (the first is not committed), so it appends one;
      // its flush waits on the key the first holds, fails on it once that commits, and is retried.
      second = CompletableFuture.supplyAsync(() -> f.schedule("A-1", PATIENT, "intake"));
      // On PostgreSQL the flush is one statement: the appointment's insert sits in a WITH clause
      // before the insert of its event into the outbox.
      WalletLockTest.awaitWaiting(db, db == Database.POSTGRESQL ? "WITH w0 AS (INSERT INTO pakketten_appointments"
          : "INSERT INTO pakketten_appointments");
      holder.commit();
    }
    ScheduleResult answer = second.get(10, TimeUnit.SECONDS);
    assertThat(first.replay()).isFalse();
    assertThat(answer.replay()).as("the retried call changed nothing").isTrue();
    assertThat(answer).usingRecursiveComparison().ignoringFields("replay").isEqualTo(first);
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_appointments")).isEqualTo(1);
  }

  /** A wallet of {@link Fixtures#PATIENT} with one lot of 10 credits at 40.00, and its package. */
  private static PackageId walletOfTen(JdbcStorage storage) {
    Fixtures f = new Fixtures(storage);
    PackageId fysio = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO10", fysio, 10, eur("400.00"));
    f.pay("F-1", PATIENT, InvoiceLine.of("FYSIO10", 1, eur("400.00")));
    return fysio;
  }

  private static Wallet spent(Wallet wallet, int credits) {
    Lot lot = wallet.lots().get(0);
    return ValueBuilders.wallet(wallet.practice(), wallet.patient(), wallet.packageId(), List.of(ValueBuilders.lot()
        .from(lot).creditsRemaining(lot.creditsRemaining() - credits)
        .recognisedRevenue(lot.recognisedRevenue().plus(eur("40.00").multipliedBy(credits))).build()));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aWalletSavedTwiceInOneTransactionKeepsBothChanges(Database db) {
    JdbcStorage storage = db.emptyStorage();
    PackageId fysio = walletOfTen(storage);

    tx(storage, () -> {
      Wallet locked = storage.wallets().lock(PRACTICE, PATIENT, fysio);
      storage.wallets().save(spent(locked, 1));
      storage.wallets().save(spent(locked, 3));
      return null;
    });

    assertThat(storage.wallets().balance(PRACTICE, PATIENT, fysio)).isEqualTo(7);
    assertThat(storage.wallets().find(PRACTICE, PATIENT, fysio).orElseThrow().lots().get(0)
        .recognisedRevenue()).isEqualTo(eur("120.00"));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aLotChangedOutsideTheWalletsLockFailsTheHeldUpdateAndNothingIsWritten(Database db) throws SQLException {
    JdbcStorage storage = db.emptyStorage();
    PackageId fysio = walletOfTen(storage);
    long movements = LedgerAudit.count(db.dataSource(), "pakketten_movements");

    assertThatThrownBy(() -> tx(storage, () -> {
      Wallet locked = storage.wallets().lock(PRACTICE, PATIENT, fysio);
      storage.history().append(movement("m-1"));
      try (Connection other = db.dataSource().getConnection(); Statement s = other.createStatement()) {
        // Not how the adapter writes a lot: without the wallet's lock, committed at once.
        s.executeUpdate("UPDATE pakketten_lots SET credits_remaining = credits_remaining - 1");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      storage.wallets().save(spent(locked, 1));
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("changed outside the lock of its wallet");

    assertThat(storage.wallets().balance(PRACTICE, PATIENT, fysio)).isEqualTo(10);
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_movements")).isEqualTo(movements);
    assertThat(LedgerAudit.count(db.dataSource(), "SELECT COUNT(*) FROM pakketten_lots WHERE credits_remaining = ?", 9))
        .isEqualTo(1);
  }
}
