package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PatientId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.storage.OutcomeUnknownException;
import nl.pakketten.storage.TransactionFailedException;
import nl.pakketten.testing.Fixtures;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on a real PostgreSQL server of its own: while 8 threads run a fixed command log
 * (payments, then schedules and cancels), another thread keeps ending every other backend with
 * {@code pg_terminate_backend} (SQLSTATE 57P01 for the commands, at any step, commit included),
 * and the server is stopped and started again once in the middle. Afterwards every command's
 * effect is there exactly once and the end state equals that of the same log run without faults,
 * and the ledger audit finds nothing.
 *
 * <p>A command that still fails after the SDK's own retries (an {@link OutcomeUnknownException} or
 * {@link TransactionFailedException}) is run again with the same key, as the docs tell a host to.
 * {@code -Dpakketten.faults.rounds=N} (the {@code faults-long} Maven profile: 10) repeats the faulty
 * run, each time with the restart and the log, against the same reference.
 */
class ConnectionFaultTest {
  private static final int THREADS = 8;
  private static final int PATIENTS = 8;
  private static final int SCHEDULES_PER_PATIENT = 6;
  private static final Instant START = Fixtures.START.plusSeconds(7 * 24 * 3600);

  private static Path dataDirectory;
  private static int port;
  private static volatile EmbeddedPostgres server;
  private static HikariDataSource pool;

  @BeforeAll
  static void startServer() throws IOException {
    dataDirectory = Files.createTempDirectory("pakketten-faults");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    start();
    HikariConfig config = new HikariConfig();
    config.setDataSource(server.getPostgresDatabase()); // host and port only: survives a restart
    config.setMaximumPoolSize(THREADS + 2);
    config.setConnectionTimeout(15_000);
    config.setPoolName("faults");
    pool = new HikariDataSource(config);
    Flyway.configure().dataSource(pool).locations(JdbcStorage.migrationsFor(pool))
        .table("pakketten_schema_history").load().migrate();
  }

  private static void start() throws IOException {
    server = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setServerConfig("deadlock_timeout", "100ms")
        .start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (pool != null) {
      pool.close();
    }
    if (server != null) {
      server.close();
    }
    try (var files = Files.walk(dataDirectory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void everyCommandTakesEffectExactlyOnceAndTheEndStateEqualsARunWithoutFaults() throws Exception {
    clean();
    long started = System.nanoTime();
    Run reference = run(false);
    String expected = endState();
    long referenceMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(reference.hostRetries.get()).isZero();

    int rounds = Integer.getInteger("pakketten.faults.rounds", 1);
    for (int round = 1; round <= rounds; round++) {
      clean();
      started = System.nanoTime();
      Run faulty = run(true);
      long faultyMillis = (System.nanoTime() - started) / 1_000_000;

      assertThat(faulty.terminated.get()).as("backends ended").isGreaterThan(0);
      assertThat(faulty.midCommand.get()).as("backends ended inside a command's transaction").isGreaterThan(0);
      assertThat(faulty.restarts.get()).as("server restarts").isEqualTo(1);
      assertThat(endState()).as("end state after round %d", round).isEqualTo(expected);
      assertThat(LedgerAudit.violations(pool)).isEmpty();
      System.out.printf("ConnectionFaultTest round %d: %d commands, reference run %d ms, faulty run %d ms,"
          + " %d backends ended (%d inside a transaction), %d restart (%d ms), %d commands run again by the host%n",
          round, faulty.commands.get(), referenceMillis, faultyMillis, faulty.terminated.get(),
          faulty.midCommand.get(), faulty.restarts.get(), faulty.restartMillis, faulty.hostRetries.get());
    }
  }

  /** What one run did. */
  private static final class Run {
    final AtomicInteger commands = new AtomicInteger();
    final AtomicInteger hostRetries = new AtomicInteger();
    final AtomicInteger terminated = new AtomicInteger();
    final AtomicInteger midCommand = new AtomicInteger();
    final AtomicInteger restarts = new AtomicInteger();
    volatile long restartMillis;
  }

  private Run run(boolean faults) throws Exception {
    Run run = new Run();
    Fixtures f = new Fixtures(JdbcStorage.create(pool));
    PackageId fysio = f.createPackage("Fysio", eur("40.00")).id();
    PackageId massage = f.createPackage("Massage", eur("30.00")).id();
    f.linkProduct("FYSIO10", fysio, 10, eur("400.00"));
    f.linkProduct("MASSAGE5", massage, 5, eur("150.00"));
    f.linkType("fysio", fysio, 1);
    f.linkType("massage", massage, 1);

    AtomicBoolean running = new AtomicBoolean(true);
    Thread killer = new Thread(() -> endBackends(running, run), "backend-killer");
    if (faults) {
      killer.start();
    }
    try {
      // Phase 1: two invoices per patient, paid concurrently.
      List<Runnable> payments = new ArrayList<>();
      for (int p = 0; p < PATIENTS; p++) {
        PatientId patient = PatientId.of("patient-" + p);
        for (int i = 0; i < 2; i++) {
          String invoice = "F-" + p + "-" + i;
          payments.add(() -> command(run, () -> f.pay(invoice, patient, InvoiceLine.of("FYSIO10", 1, eur("400.00")),
              InvoiceLine.of("MASSAGE5", 1, eur("150.00")))));
        }
      }
      inParallel(payments);
      // Phase 2: schedules, every third one cancelled again by the thread that scheduled it.
      List<Runnable> spends = new ArrayList<>();
      for (int a = 0; a < SCHEDULES_PER_PATIENT; a++) {
        for (int p = 0; p < PATIENTS; p++) {
          PatientId patient = PatientId.of("patient-" + p);
          String appointment = "A-" + p + "-" + a;
          String type = a % 2 == 0 ? "fysio" : "massage";
          boolean cancel = a % 3 == 2;
          spends.add(() -> {
            command(run, () -> f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, appointment, patient, type,
                START)));
            if (cancel) {
              command(run, () -> f.cancel(appointment));
            }
          });
        }
      }
      if (faults) {
        // The restart lands in the middle of phase 2.
        spends.add(spends.size() / 3, () -> restart(run));
      }
      inParallel(spends);
    } finally {
      running.set(false);
      if (faults) {
        killer.join();
        // Past HikariCP's window in which it hands out a pooled connection without checking it, so
        // the checks below get live ones.
        sleep(600);
      }
    }
    return run;
  }

  /** Runs a command as a host would: again with the same key while its outcome is unknown. */
  private static void command(Run run, Supplier<?> command) {
    run.commands.incrementAndGet();
    for (int attempt = 1; ; attempt++) {
      try {
        command.get();
        return;
      } catch (OutcomeUnknownException | TransactionFailedException e) {
        if (attempt == 20) {
          throw e;
        }
        run.hostRetries.incrementAndGet();
      }
    }
  }

  private static void inParallel(List<Runnable> tasks) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(executor.submit(t)));
      for (Future<?> future : futures) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  /** Ends every other backend of the database, every few milliseconds, until told to stop. */
  private static void endBackends(AtomicBoolean running, Run run) {
    while (running.get()) {
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        while (running.get()) {
          // Ends every other backend; counts those caught inside a transaction (not idle in the pool).
          try (ResultSet rs = s.executeQuery("SELECT state, pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
              if (rs.getBoolean(2)) {
                run.terminated.incrementAndGet();
                if (!"idle".equals(rs.getString(1))) {
                  run.midCommand.incrementAndGet();
                }
              }
            }
          }
          // Often enough to hit every step of many commands, seldom enough to let each finish in a few tries.
          Thread.sleep(60 + (run.terminated.get() % 5) * 30);
        }
      } catch (SQLException e) {
        // The server is restarting: connect again.
        sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops the server (ending every connection) and starts it again on the same data and port. */
  private static void restart(Run run) {
    try {
      long started = System.nanoTime();
      server.close();
      start();
      run.restartMillis = (System.nanoTime() - started) / 1_000_000;
      run.restarts.incrementAndGet();
    } catch (IOException e) {
      throw new IllegalStateException("Could not restart PostgreSQL", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void clean() throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE " + String.join(", ", Database.TABLES));
    }
  }

  /**
   * The state a bookkeeper would compare, without generated ids: per wallet its balance and lots,
   * per patient and source (invoice line, appointment) each kind of movement with its credits and
   * revenue, the journal per account and side, every appointment and every receipt.
   */
  private static String endState() throws SQLException {
    StringBuilder state = new StringBuilder();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      dump(s, state, "SELECT w.patient_id, p.name, w.balance, COUNT(l.lot_id), SUM(l.credits_remaining),"
          + " SUM(l.recognised_revenue) FROM pakketten_wallets w JOIN pakketten_packages p"
          + " ON p.practice_id = w.practice_id AND p.package_id = w.package_id LEFT JOIN pakketten_lots l"
          + " ON l.practice_id = w.practice_id AND l.patient_id = w.patient_id AND l.package_id = w.package_id"
          + " GROUP BY w.patient_id, p.name, w.balance ORDER BY 1, 2");
      dump(s, state, "SELECT m.patient_id, p.name, m.source_key, m.kind, COUNT(*), SUM(m.credits), SUM(m.revenue)"
          + " FROM pakketten_movements m JOIN pakketten_packages p ON p.practice_id = m.practice_id"
          + " AND p.package_id = m.package_id GROUP BY m.patient_id, p.name, m.source_key, m.kind ORDER BY 1, 2, 3, 4");
      dump(s, state, "SELECT account, side, COUNT(*), SUM(amount) FROM pakketten_journal_lines"
          + " GROUP BY account, side ORDER BY 1, 2");
      dump(s, state, "SELECT COUNT(*) FROM pakketten_journal_entries");
      dump(s, state, "SELECT a.appointment_id, a.patient_id, a.type_id, a.status, a.coverage, a.cancel_outcome,"
          + " COUNT(x.lot_id) FROM pakketten_appointments a LEFT JOIN pakketten_allocations x"
          + " ON x.practice_id = a.practice_id AND x.appointment_id = a.appointment_id"
          + " GROUP BY a.appointment_id, a.patient_id, a.type_id, a.status, a.coverage, a.cancel_outcome ORDER BY 1");
      dump(s, state, "SELECT r.kind, r.receipt_key, COUNT(g.lot_id), SUM(g.credits) FROM pakketten_grant_receipts r"
          + " JOIN pakketten_receipt_grants g ON g.practice_id = r.practice_id AND g.kind = r.kind"
          + " AND g.receipt_key = r.receipt_key GROUP BY r.kind, r.receipt_key ORDER BY 1, 2");
    }
    return state.toString();
  }

  private static void dump(Statement s, StringBuilder out, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          out.append(i == 1 ? "" : " | ").append(rs.getString(i));
        }
        out.append('\n');
      }
    }
    out.append("--\n");
  }
}
