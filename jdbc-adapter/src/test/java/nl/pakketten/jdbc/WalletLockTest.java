package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.testing.Pages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The wallet lock reads the lots as the previous holder of the lock left them. On PostgreSQL the
 * lock and the read of the lots go to the server in one round trip but as two statements: one
 * statement joining the lots to the locked wallet would, after waiting for the lock, return the
 * wallet's new row with the lots as they were before the holder's change (READ COMMITTED re-reads
 * only the locked row).
 */
class WalletLockTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @ParameterizedTest
  @EnumSource(Database.class)
  void aSpendThatWaitedForTheWalletReadsTheLotsTheHolderLeft(Database db) throws Exception {
    JdbcStorage storage = db.emptyStorage();
    Fixtures f = new Fixtures(storage);
    PackageId fysio = f.createPackage("Fysio", eur("40.00")).id();
    f.linkProduct("FYSIO2", fysio, 2, eur("80.00"));
    f.linkType("fysio", fysio, 1);
    f.pay("F-1", PATIENT, InvoiceLine.of("FYSIO2", 1, eur("80.00")));

    try (Connection holder = db.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      // The holder spends one credit and keeps the wallet locked until it commits.
      storage.inHostTransaction(holder, () -> f.schedule("A-1", PATIENT, "fysio"));
      CompletableFuture<ScheduleResult> waiter = CompletableFuture.supplyAsync(() -> f.schedule("A-2", PATIENT,
          "fysio"));
      awaitWaiting(db, "SELECT balance FROM pakketten_wallets");
      holder.commit();

      assertThat(waiter.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ScheduleResult.Covered.class);
    }
    assertThat(f.balance(PATIENT, fysio)).isZero();
    assertThat(Pages.history(f.pakketten, PRACTICE, PATIENT)).hasSize(3);
    assertThat(LedgerAudit.violations(db.dataSource())).isEmpty();
  }

  /**
   * Waits until another session is stuck in a statement starting with {@code statement}: on
   * PostgreSQL waiting for a lock; on H2 (which names no blocker for a unique-key wait) executing it.
   */
  static void awaitWaiting(Database db, String statement) throws SQLException, InterruptedException {
    String waiting = db == Database.POSTGRESQL
        ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?"
        : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE ?";
    Instant giveUp = Instant.now().plus(PATIENCE);
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(waiting)) {
      ps.setString(1, statement + "%");
      while (Instant.now().isBefore(giveUp)) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return;
          }
        }
        Thread.sleep(10);
      }
    }
    throw new AssertionError("No session started waiting in " + statement + " within " + PATIENCE);
  }
}
