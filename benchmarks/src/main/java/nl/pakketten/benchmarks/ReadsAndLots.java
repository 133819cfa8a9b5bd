package nl.pakketten.benchmarks;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * Issue 8, part 9: what a command costs on a wallet of many lots, and what reading a long history
 * or journal costs in time and heap. One embedded PostgreSQL, one client, figures printed as a
 * table (see docs/performance.md for the command and the results). Not part of the ratio suite.
 */
public final class ReadsAndLots {
  private static final PracticeId PRACTICE = PracticeId.of("reads-practice");
  private static final Actor OWNER = Actor.of("reads-owner", Role.OWNER);
  private static final Actor DESK = Actor.of("reads-desk", Role.RECEPTIONIST);
  private static final PackageId PACKAGE = PackageId.of("reads-package");
  private static final AppointmentTypeId ONE = AppointmentTypeId.of("one-credit");
  private static final AppointmentTypeId MANY = AppointmentTypeId.of("many-credits");
  private static final Money RATE = Money.of(CurrencyUnit.EUR, 25);
  private static final Instant START = Instant.parse("2027-01-04T09:00:00Z");

  private final DataSource dataSource;
  private final Pakketten sdk;
  private final int lots;
  private int appointments;

  private ReadsAndLots(DataSource dataSource, int lots) {
    this.dataSource = dataSource;
    this.sdk = Pakketten.builder().storage(JdbcStorage.create(dataSource)).build();
    this.lots = lots;
  }

  public static void main(String[] args) throws Exception {
    int lots = Integer.getInteger("bench.lots", 1_000);
    int movements = Integer.getInteger("bench.movements", 100_000);
    try (Database db = Database.start(2)) {
      ReadsAndLots bench = new ReadsAndLots(db.dataSource(), lots);
      bench.catalog();
      System.out.printf(Locale.ROOT, "PostgreSQL %s, Java %s, %d cores, max heap %d MiB%n", db.version(),
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      bench.lotCases();
      bench.readCases(movements);
    }
  }

  private void catalog() {
    sdk.createPackage(CreatePackage.builder().practice(PRACTICE).actor(OWNER).packageId(PACKAGE)
        .name("Reads package").internalRate(RATE).build());
    sdk.saveAppointmentType(SaveAppointmentType.builder().practice(PRACTICE).actor(OWNER).id(ONE).name("One")
        .packageId(PACKAGE).creditsPerAppointment(1).build());
    sdk.saveAppointmentType(SaveAppointmentType.builder().practice(PRACTICE).actor(OWNER).id(MANY).name("Many")
        .packageId(PACKAGE).creditsPerAppointment(lots).build());
  }

  private void lotCases() throws Exception {
    // For scale: an import that opens a wallet, 20 times (one new patient each).
    double newWalletMs = mean(20, i -> grant(PatientId.of("new-" + i), "n-" + i));
    row("import into a new wallet (for scale)", newWalletMs);
    // A wallet of `lots` one-credit lots (all open), then 20 more imports timed.
    PatientId mostlyUsed = PatientId.of("mostly-used");
    for (int i = 0; i < lots; i++) {
      grant(mostlyUsed, "m-" + i);
    }
    analyze();
    double importMs = mean(20, i -> grant(mostlyUsed, "m-extra-" + i));
    row(String.format(Locale.ROOT, "import into a wallet of %,d open lots", lots), importMs);
    // Use up all but 20 lots, then time 10 one-credit schedules.
    for (int i = 0; i < lots; i++) {
      schedule(mostlyUsed, ONE);
    }
    analyze();
    double spendMs = mean(10, i -> schedule(mostlyUsed, ONE));
    row(String.format(Locale.ROOT, "schedule 1 credit, wallet of %,d lots, %,d used up", lots + 20, lots), spendMs);
    double lateImportMs = mean(10, i -> grant(mostlyUsed, "m-late-" + i));
    row(String.format(Locale.ROOT, "import into a wallet of %,d lots, %,d used up", lots + 20, lots + 10),
        lateImportMs);
    // Three wallets of `lots` one-credit lots; one schedule takes them all.
    List<PatientId> full = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      PatientId patient = PatientId.of("across-" + p);
      full.add(patient);
      for (int i = 0; i < lots; i++) {
        grant(patient, "a-" + p + "-" + i);
      }
    }
    analyze();
    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    double acrossMs = mean(3, i -> schedule(full.get(i), MANY));
    double cpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e6 / 3;
    row(String.format(Locale.ROOT, "schedule taking %,d credits across %,d lots", lots, lots), acrossMs);
    System.out.printf(Locale.ROOT, "%-62s %9.1f ms (mean)%n", "  of which CPU time of the calling thread", cpuMs);
  }

  private void readCases(int movements) throws Exception {
    PatientId patient = PatientId.of("long-history");
    grant(patient, "long-history");
    bulkHistoryAndJournal(patient, movements);
    analyze();
    int historySize = Reads.history(sdk, PRACTICE, patient);
    int journalSize = Reads.journal(sdk, PRACTICE);
    System.out.printf(Locale.ROOT, "%nhistory of %,d movements, journal of %,d entries%n", historySize, journalSize);
    for (Reads.Case c : Reads.cases(sdk, PRACTICE, patient)) {
      measureRead(c);
    }
  }

  private void measureRead(Reads.Case c) {
    List<Double> times = new ArrayList<>();
    long allocated = 0;
    long retained = 0;
    for (int i = 0; i < 6; i++) {
      long before = usedAfterGc();
      long a0 = allocatedBytes();
      long t0 = System.nanoTime();
      Object result = c.read().get();
      long t1 = System.nanoTime();
      long a1 = allocatedBytes();
      long held = usedAfterGc() - before;
      Collections.singletonList(result).hashCode(); // keeps the result reachable until measured
      if (i > 0) { // the first run warms up
        times.add((t1 - t0) / 1e6);
        allocated = Math.max(allocated, a1 - a0);
        retained = Math.max(retained, held);
      }
    }
    Collections.sort(times);
    System.out.printf(Locale.ROOT, "%-62s %9.1f ms (median of 5)  allocated %7.1f MiB  retained %7.1f MiB%n",
        c.name(), times.get(times.size() / 2), allocated / 1048576.0, retained / 1048576.0);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private interface Step {
    void run(int i) throws Exception;
  }

  private static double mean(int n, Step step) throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      step.run(i);
    }
    return (System.nanoTime() - t0) / 1e6 / n;
  }

  private static void row(String what, double ms) {
    System.out.printf(Locale.ROOT, "%-62s %9.1f ms (mean)%n", what, ms);
  }

  private void grant(PatientId patient, String importId) {
    sdk.importCredits(ImportCredits.builder().practice(PRACTICE).actor(OWNER).importId(ImportId.of(importId))
        .patient(patient).packageId(PACKAGE).credits(1).internalRate(RATE).reason("reads benchmark")
        .expiresOn(Optional.empty()).build());
  }

  private void schedule(PatientId patient, AppointmentTypeId type) {
    sdk.schedule(ScheduleAppointment.builder().practice(PRACTICE).actor(DESK)
        .appointmentId(AppointmentId.of("r-" + appointments++)).patient(patient).typeId(type).start(START).build());
  }

  private void analyze() throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("VACUUM ANALYZE");
    }
  }

  /**
   * {@code count} movements and as many two-line journal entries in bulk: pairs of a one-credit
   * spend and its give-back on the patient's lot, so the history still adds up to the balance.
   */
  private void bulkHistoryAndJournal(PatientId patient, int count) throws Exception {
    String lot = "(SELECT lot_id FROM pakketten_lots WHERE practice_id = ? AND patient_id = ? LIMIT 1)";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO pakketten_movements (practice_id, movement_id,"
          + " patient_id, package_id, lot_id, kind, credits, revenue, currency, at, actor, reason, source_key)"
          + " SELECT ?, 'bulk-' || g, ?, ?, " + lot + ", CASE WHEN g % 2 = 1 THEN 'SPENT' ELSE 'GIVEN_BACK' END,"
          + " 1, CASE WHEN g % 2 = 1 THEN 25 ELSE -25 END, 'EUR',"
          + " timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second', ?, 'reads benchmark history',"
          + " 'appointment:bulk-' || ((g + 1) / 2) FROM generate_series(1, ?) g")) {
        p.setString(1, PRACTICE.value());
        p.setString(2, patient.value());
        p.setString(3, PACKAGE.value());
        p.setString(4, PRACTICE.value());
        p.setString(5, patient.value());
        p.setString(6, DESK.userId().value());
        p.setInt(7, count - count % 2);
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO pakketten_journal_entries (practice_id, entry_id,"
          + " at, patient_id, package_id, lot_ref, source_key, description, kind)"
          + " SELECT ?, 'bulk-' || g, timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second', ?, ?, 'lot',"
          + " 'appointment:bulk-' || ((g + 1) / 2), 'reads benchmark', 'SPEND' FROM generate_series(1, ?) g")) {
        p.setString(1, PRACTICE.value());
        p.setString(2, patient.value());
        p.setString(3, PACKAGE.value());
        p.setInt(4, count);
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO pakketten_journal_lines (practice_id, entry_id,"
          + " line_no, account, role, side, amount, currency, at, package_id, kind)"
          + " SELECT ?, 'bulk-' || g, n, CASE WHEN n = 0 THEN '1700' ELSE '8000' END,"
          + " CASE WHEN n = 0 THEN 'DEFERRED_REVENUE' ELSE 'REVENUE' END,"
          + " CASE WHEN n = 0 THEN 'DEBIT' ELSE 'CREDIT' END, 25, 'EUR',"
          + " timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second', ?, 'SPEND'"
          + " FROM generate_series(1, ?) g, generate_series(0, 1) n")) {
        p.setString(1, PRACTICE.value());
        p.setString(2, PACKAGE.value());
        p.setInt(3, count);
        p.executeUpdate();
      }
    }
  }
}
