package nl.pakketten.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nl.pakketten.Pakketten;
import nl.pakketten.common.PracticeId;
import nl.pakketten.jdbc.JdbcStorage;
import nl.pakketten.revenue.LiabilityRollForward;

/**
 * The liability roll-forward over 1,000,000 journal lines on PostgreSQL (issue 11, Measured): a
 * practice's journal is generated in SQL ({@code bench.reportLines} lines, default 1,000,000, in
 * entries of two lines with every entry kind, ten packages on two balance-sheet items), beside
 * other practices' lines ({@code bench.otherLines}, default 500,000). Then, alternating after a
 * warm-up, {@link Pakketten#liabilityRollForward} through the public API for a period that reaches
 * past the last entry (so every deferred-revenue line of the practice is summed: the opening
 * balances before the period, the movements in it) against the plain {@code SELECT account,
 * SUM(amount) FROM pakketten_journal_lines WHERE practice_id = ? GROUP BY account} over the same
 * table. Prints each median and the ratio against the target of at most 1.5; never fails.
 *
 * <p>Run once with V8's report index and once without it ({@code DROP INDEX}), to show what the
 * index does.
 *
 * <pre>./mvnw -B -o -q -Pbench-reports -pl benchmarks -am verify -DskipTests</pre>
 */
public final class RollForwardBenchmark {
  private static final PracticeId PRACTICE = PracticeId.of("reports");
  private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");
  private static final String PLAIN =
      "SELECT account, SUM(amount) FROM pakketten_journal_lines WHERE practice_id = ? GROUP BY account";
  private static final double TARGET = 1.5;

  private RollForwardBenchmark() {}

  public static void main(String[] args) throws Exception {
    int lines = Integer.getInteger("bench.reportLines", 1_000_000);
    int otherLines = Integer.getInteger("bench.otherLines", 500_000);
    int rounds = Integer.getInteger("bench.rounds", 15);
    try (Database db = Database.start(1)) {
      System.out.printf("PostgreSQL %s, %d processors%n", db.version(), Runtime.getRuntime().availableProcessors());
      generate(db, PRACTICE, lines, 0);
      generate(db, PracticeId.of("other-a"), otherLines / 2, 1);
      generate(db, PracticeId.of("other-b"), otherLines - otherLines / 2, 2);
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE pakketten_journal_lines");
        s.execute("VACUUM ANALYZE pakketten_journal_entries");
      }
      Pakketten pakketten = Pakketten.builder().storage(JdbcStorage.create(db.dataSource())).build();
      LiabilityRollForward report = pakketten.liabilityRollForward(PRACTICE, FROM, TO);
      System.out.printf("roll-forward: %d lines, %d totals:%n", report.lines().size(), report.totals().size());
      report.totals().forEach(t -> System.out.println("  " + t));
      measure(db, pakketten, rounds, "with the index (practice_id, role, at)");
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP INDEX pakketten_journal_lines_report_ix");
        s.execute("ANALYZE pakketten_journal_lines");
      }
      measure(db, pakketten, rounds, "without it");
    }
  }

  private static void measure(Database db, Pakketten pakketten, int rounds, String label) throws Exception {
    explain(db);
    List<Long> rollForward = new ArrayList<>();
    List<Long> plain = new ArrayList<>();
    for (int round = -3; round < rounds; round++) { // three rounds warm up
      long started = System.nanoTime();
      pakketten.liabilityRollForward(PRACTICE, FROM, TO);
      long a = System.nanoTime() - started;
      started = System.nanoTime();
      plainSum(db);
      long b = System.nanoTime() - started;
      if (round >= 0) {
        rollForward.add(a);
        plain.add(b);
      }
    }
    double r = median(rollForward) / 1e6;
    double p = median(plain) / 1e6;
    System.out.printf(Locale.ROOT, "%s: roll-forward median %.1f ms, plain SUM ... GROUP BY median %.1f ms,"
        + " ratio %.2f (target <= %.1f: %s)%n", label, r, p, r / p, TARGET, r / p <= TARGET ? "met" : "not met");
  }

  private static void plainSum(Database db) throws Exception {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(PLAIN)) {
      s.setString(1, PRACTICE.value());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rs.getBigDecimal(2);
        }
      }
    }
  }

  private static void explain(Database db) throws Exception {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "EXPLAIN SELECT role, account, package_id, kind, side, currency, SUM(amount) AS amount"
            + " FROM pakketten_journal_lines WHERE practice_id = ? AND role IN (?) AND at >= ? AND at < ?"
            + " GROUP BY role, account, package_id, kind, side, currency")) {
      s.setString(1, PRACTICE.value());
      s.setString(2, "DEFERRED_REVENUE");
      s.setObject(3, java.time.OffsetDateTime.parse("2026-04-01T00:00:00Z"));
      s.setObject(4, java.time.OffsetDateTime.parse("2027-01-01T00:00:00Z"));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          System.out.println("  " + rs.getString(1));
        }
      }
    }
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /**
   * Entries of two lines, one every 30 seconds from 2026-01-01, in a mix of 20: 4 sales, an import,
   * 10 spends, a give-back, an expiry, a refund, a reversal and a transfer; package {@code pkg-((g /
   * 20) % 10)} (each package gets the whole mix), even packages on item 1700, odd ones on 1710.
   */
  private static void generate(Database db, PracticeId practice, int lines, int salt) throws Exception {
    long started = System.nanoTime();
    int entries = lines / 2;
    String kind = "CASE WHEN g % 20 < 4 THEN 'SALE' WHEN g % 20 = 4 THEN 'IMPORT' WHEN g % 20 = 14 THEN 'GIVE_BACK'"
        + " WHEN g % 20 = 15 THEN 'EXPIRY' WHEN g % 20 = 16 THEN 'REFUND' WHEN g % 20 = 17 THEN 'REVERSAL'"
        + " WHEN g % 20 = 18 THEN 'TRANSFER' ELSE 'SPEND' END";
    String at = "TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '30 seconds'";
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO pakketten_journal_entries (practice_id, entry_id,"
          + " at, patient_id, package_id, lot_ref, source_key, description, kind)"
          + " SELECT ?, 'e-' || g, " + at + ", 'patient-' || (g % 5000), 'pkg-' || ((g / 20) % 10),"
          + " 'lot-' || (g % 20000), 'bench:' || g, 'roll-forward benchmark', " + kind
          + " FROM generate_series(1, ?) g")) {
        s.setString(1, practice.value());
        s.setInt(2, entries);
        s.executeUpdate();
      }
      // Line 0 is the debit, line 1 the credit. The item: 1700 for even packages, 1710 for odd ones.
      String item = "CASE WHEN (g / 20) % 2 = 0 THEN '1700' ELSE '1710' END";
      String debit = "CASE WHEN g % 20 < 4 THEN 'PAYMENTS_CLEARING' WHEN g % 20 = 4 THEN 'IMPORTS_OFFSET'"
          + " WHEN g % 20 = 14 THEN 'REVENUE' ELSE 'DEFERRED_REVENUE' END";
      String credit = "CASE WHEN g % 20 < 5 OR g % 20 IN (14, 18) THEN 'DEFERRED_REVENUE'"
          + " WHEN g % 20 = 15 THEN 'BREAKAGE' WHEN g % 20 = 16 THEN 'REFUNDS_PAYABLE'"
          + " WHEN g % 20 = 17 THEN 'PAYMENTS_CLEARING' ELSE 'REVENUE' END";
      String role = "CASE n WHEN 0 THEN " + debit + " ELSE " + credit + " END";
      String account = "CASE " + role + " WHEN 'DEFERRED_REVENUE' THEN " + item
          + " WHEN 'PAYMENTS_CLEARING' THEN '1300' WHEN 'IMPORTS_OFFSET' THEN '8900'"
          + " WHEN 'REFUNDS_PAYABLE' THEN '1620' WHEN 'BREAKAGE' THEN '8090'"
          + " ELSE '80' || (g % 10) END";
      String amount = "CASE WHEN g % 20 < 4 THEN 400.00 WHEN g % 20 = 4 THEN 200.00 ELSE 40.00 END";
      try (PreparedStatement s = c.prepareStatement("INSERT INTO pakketten_journal_lines (practice_id, entry_id,"
          + " line_no, account, role, side, amount, currency, at, package_id, kind)"
          + " SELECT ?, 'e-' || g, n, " + account + ", " + role + ", CASE n WHEN 0 THEN 'DEBIT' ELSE 'CREDIT' END, "
          + amount + ", 'EUR', " + at + ", 'pkg-' || ((g / 20) % 10), " + kind
          + " FROM generate_series(1, ?) g, generate_series(0, 1) n")) {
        s.setString(1, practice.value());
        s.setInt(2, entries);
        s.executeUpdate();
      }
      c.commit();
    }
    System.out.printf("generated %,d lines of %s in %.1f s%n", lines, practice.value(),
        (System.nanoTime() - started) / 1e9);
  }
}
