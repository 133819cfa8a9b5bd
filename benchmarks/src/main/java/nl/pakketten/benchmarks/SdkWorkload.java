package nl.pakketten.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import nl.pakketten.Pakketten;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ImportId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import nl.pakketten.granting.ImportCredits;
import nl.pakketten.jdbc.JdbcStorage;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The SDK side: the public API over the JDBC adapter on the shared pool. A spend is scheduling an
 * appointment of a linked type: it locks the wallet, takes a credit from a lot, appends the
 * movement, books the journal entry and stores the appointment, in one transaction.
 */
final class SdkWorkload {
  private static final PracticeId PRACTICE = PracticeId.of("bench-practice");
  private static final Actor OWNER = Actor.of("bench-owner", Role.OWNER);
  private static final Actor DESK = Actor.of("bench-desk", Role.RECEPTIONIST);
  private static final AppointmentTypeId TYPE = AppointmentTypeId.of("session");
  private static final Money RATE = Money.of(CurrencyUnit.EUR, 25);
  private static final Instant START = Instant.parse("2027-01-04T09:00:00Z");
  private static final PatientId HOT = PatientId.of("hot-patient");

  private final DataSource dataSource;
  private final Pakketten sdk;
  private PackageId packageId;
  private int patients;
  private final String run = Long.toString(System.nanoTime(), 36);
  /** Events published, with {@code -Dbench.events=true}. */
  private final java.util.concurrent.atomic.LongAdder published = new java.util.concurrent.atomic.LongAdder();

  SdkWorkload(DataSource dataSource) {
    this.dataSource = dataSource;
    Pakketten.Builder builder = Pakketten.builder().storage(JdbcStorage.create(dataSource)).maxAttempts(20);
    if (Boolean.getBoolean("bench.events")) {
      // A host that listens: every spend's events go through the outbox and are published after the commit.
      builder.eventPublisher(event -> published.increment());
    }
    this.sdk = builder.build();
  }

  /** A package, a linked type, and {@code patients} patients with 1,000,000 credits each. */
  void load(int patients) throws Exception {
    this.patients = patients;
    packageId = sdk.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER)
        .packageId(PackageId.of("bench-package")).name("Benchmark package").internalRate(RATE).build()).id();
    sdk.saveAppointmentType(SaveAppointmentType.builder().practice(PRACTICE).actor(OWNER).id(TYPE).name("Session")
        .packageId(packageId).creditsPerAppointment(1).build());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          for (int i = first; i < patients; i += 4) {
            grant(patient(i), "load-" + i);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      // Some history before the statistics are taken, so the appointment, movement and journal
      // tables are not planned as empty: a practice that has run for a day looks like this.
      done.clear();
      for (int t = 0; t < 4; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          for (int i = first; i < Math.min(patients, 2000); i += 4) {
            spend(patient(i), "history-" + run + "-" + i);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    analyze();
  }

  /**
   * Refreshes the planner's statistics after the bulk load, as {@code pgbench -i} does for its
   * tables (and autovacuum would do shortly after): without it PostgreSQL plans the lot update and
   * the foreign-key checks for the empty tables it saw at creation, and scans.
   */
  void analyze() throws SQLException {
    try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("VACUUM ANALYZE");
    }
  }

  void loadHotWallet() {
    grant(HOT, "hot");
  }

  private void grant(PatientId patient, String importId) {
    sdk.importCredits(ImportCredits.builder().practice(PRACTICE).actor(OWNER).importId(ImportId.of(importId))
        .patient(patient).packageId(packageId).credits(1_000_000).internalRate(RATE).reason("benchmark load")
        .expiresOn(Optional.empty()).build());
  }

  private static PatientId patient(int i) {
    return PatientId.of("patient-" + i);
  }

  /** B1: one spend for a random one of the loaded patients. */
  void spendRandom(int client, long n) {
    spend(patient(ThreadLocalRandom.current().nextInt(patients)), "u" + run + "-" + client + "-" + n);
  }

  /** B2: one spend from the one hot wallet. */
  void spendHot(int client, long n) {
    spend(HOT, "h" + run + "-" + client + "-" + n);
  }

  private void spend(PatientId patient, String appointmentId) {
    sdk.schedule(ScheduleAppointment.builder().practice(PRACTICE).actor(DESK)
        .appointmentId(AppointmentId.of(appointmentId)).patient(patient).typeId(TYPE).start(START).build());
  }

  record Latencies(double large, double small) {}

  /**
   * B4: mean latency in µs of a balance read for a wallet with {@code large} movements in its
   * history against one with {@code small}, reads alternating so both see the same machine.
   */
  Latencies balanceLatencies(int large, int small, int reads) throws Exception {
    PatientId big = PatientId.of("flat-" + large);
    PatientId little = PatientId.of("flat-" + small);
    grant(big, "flat-" + large);
    grant(little, "flat-" + small);
    appendHistory(big, large - 1);
    appendHistory(little, small - 1);
    long bigNanos = 0;
    long littleNanos = 0;
    for (int i = 0; i < reads / 10; i++) { // warm-up
      sdk.balance(PRACTICE, big, packageId);
      sdk.balance(PRACTICE, little, packageId);
    }
    for (int i = 0; i < reads; i++) {
      long t0 = System.nanoTime();
      sdk.balance(PRACTICE, big, packageId);
      long t1 = System.nanoTime();
      sdk.balance(PRACTICE, little, packageId);
      long t2 = System.nanoTime();
      bigNanos += t1 - t0;
      littleNanos += t2 - t1;
    }
    return new Latencies(bigNanos / 1000.0 / reads, littleNanos / 1000.0 / reads);
  }

  /**
   * Adds {@code count} movements to the patient's history in bulk: pairs of a one-credit spend and
   * its give-back on the patient's lot, so the history still adds up to the stored balance.
   * Writing them through the API would take minutes and measure nothing B4 is about.
   */
  private void appendHistory(PatientId patient, int count) throws SQLException {
    String sql = "INSERT INTO pakketten_movements (practice_id, movement_id, patient_id, package_id, lot_id, kind,"
        + " credits, revenue, currency, at, actor, reason, source_key)"
        + " SELECT ?, ? || '-' || g, ?, ?, l.lot_id, CASE WHEN g % 2 = 1 THEN 'SPENT' ELSE 'GIVEN_BACK' END,"
        + " 1, CASE WHEN g % 2 = 1 THEN 25 ELSE -25 END, 'EUR', now(), ?, 'benchmark history',"
        + " 'appointment:flat-' || ((g + 1) / 2)"
        + " FROM generate_series(1, ?) g, (SELECT lot_id FROM pakketten_lots WHERE practice_id = ? AND patient_id = ?"
        + " AND package_id = ? LIMIT 1) l";
    int pairs = count - count % 2;
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, PRACTICE.value());
      p.setString(2, "flat-" + patient.value());
      p.setString(3, patient.value());
      p.setString(4, packageId.value());
      p.setString(5, DESK.userId().value());
      p.setInt(6, pairs);
      p.setString(7, PRACTICE.value());
      p.setString(8, patient.value());
      p.setString(9, packageId.value());
      p.executeUpdate();
      try (PreparedStatement a = c.prepareStatement("ANALYZE pakketten_movements")) {
        a.execute();
      }
    }
  }
}
