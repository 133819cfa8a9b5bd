package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.FAR_FUTURE;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PageRequest;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patient reports read what they report, not the tables: PostgreSQL's own plan and buffer
 * counts (no timing assertion) show that a page of outstanding credits reads the open-lots index
 * for one page of patients, and that a statement's opening balance reads one patient's movements
 * and their own journal lines, however many other patients the practice has.
 */
class PatientReportsPlanTest {
  private static final Logger LOG = LoggerFactory.getLogger(PatientReportsPlanTest.class);
  private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");
  private static final int PAGE = 100;

  @Test
  void aPageOfOutstandingCreditsReadsOnePageOfPatientsThroughTheOpenLotsIndex() throws SQLException {
    Database db = Database.POSTGRESQL;
    Fixtures f = new Fixtures(db.emptyStorage());
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.importCredits("I-1", PATIENT, pkg, 10, eur("40.00"));
    addPatients(db, pkg, 1, 50_000);
    List<String> plan = explain(db, JdbcWallets.openLotsPage(false), PRACTICE.value(), PRACTICE.value(), "",
        PAGE + 1);
    List<String> later = explain(db, JdbcWallets.openLotsPage(false), PRACTICE.value(), PRACTICE.value(),
        "p-040000", PAGE + 1);

    LOG.info("The first page of {} patients' open lots, 50,001 patients:\n  {}", PAGE, String.join("\n  ", plan));
    LOG.info("A page further on:\n  {}", String.join("\n  ", later));
    for (List<String> p : List.of(plan, later)) {
      assertThat(String.join("\n", p)).contains("Index Only Scan using pakketten_lots_open_ix")
          .contains("Index Scan using pakketten_lots_open_ix");
      assertNoTableScan(p);
      // a few index pages per patient of the page, not the table (some 50,000 lots)
      assertThat(buffers(p)).isLessThanOrEqualTo(5 * (PAGE + 1));
    }
    // on a small table the planner may rightly read it whole (a hash join): only the large case is asserted
    assertThat(f.pakketten.outstandingCredits(PRACTICE, PageRequest.first(PAGE)).items()).hasSize(PAGE);
  }

  @Test
  void aStatementsOpeningReadsOnlyThePatientsMovementsAndTheirOwnJournalLines() throws SQLException {
    Database db = Database.POSTGRESQL;
    Fixtures f = new Fixtures(db.emptyStorage());
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkType("fysio", pkg, 1);
    f.importCredits("I-1", PATIENT, pkg, 10, eur("40.00"));
    for (int i = 0; i < 5; i++) {
      f.schedule("A-" + i, PATIENT, "fysio");
    }
    Object[] params = {PRACTICE.value(), PATIENT.value(), OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)};
    addOtherPatientsHistory(db, pkg, 1, 10_000); // enough for the planner to prefer an index
    List<String> small = explain(db, JdbcHistory.BALANCES_BEFORE, params);

    addOtherPatientsHistory(db, pkg, 10_001, 110_000);
    List<String> large = explain(db, JdbcHistory.BALANCES_BEFORE, params);

    LOG.info("Opening balance, 10,006 movements in the practice:\n  {}", String.join("\n  ", small));
    LOG.info("Opening balance, 110,006 movements in the practice:\n  {}", String.join("\n  ", large));
    for (List<String> plan : List.of(small, large)) {
      assertThat(String.join("\n", plan)).contains("pakketten_movements_patient_ix")
          .contains("pakketten_journal_lines_pk");
      assertNoTableScan(plan);
    }
    assertThat(buffers(large)).isLessThanOrEqualTo(buffers(small) * 3 / 2 + 10);
    assertThat(f.pakketten.patientStatement(PRACTICE, PATIENT, FAR_FUTURE, FAR_FUTURE).packages())
        .singleElement().satisfies(p -> assertThat(p.opening().credits()).isEqualTo(5));
  }

  /** Patients {@code from..to}, each with a wallet and one open lot, copied from the patient's lot. */
  private static void addPatients(Database db, PackageId pkg, int from, int to) throws SQLException {
    String range = "generate_series(" + from + ", " + to + ") g";
    String patient = "'p-' || lpad(g::text, 6, '0')";
    execute(db, "INSERT INTO pakketten_wallets (practice_id, patient_id, package_id, balance) SELECT '"
        + PRACTICE.value() + "', " + patient + ", '" + pkg.value() + "', 10 FROM " + range);
    execute(db, "INSERT INTO pakketten_lots (practice_id, lot_id, patient_id, package_id, position, source_kind,"
        + " import_id, import_reason, credits_granted, credits_remaining, currency, rate_per_credit, deferred_value,"
        + " recognised_revenue, deferred_account, revenue_account, granted_at, granted_by)"
        + " SELECT practice_id, 'lot-' || g, " + patient + ", package_id, 0, source_kind, 'imp-' || g, import_reason,"
        + " credits_granted, credits_remaining, currency, rate_per_credit, deferred_value, recognised_revenue,"
        + " deferred_account, revenue_account, granted_at, granted_by FROM pakketten_lots, " + range
        + " WHERE practice_id = '" + PRACTICE.value() + "' AND patient_id = '" + PATIENT.value() + "'");
  }

  /** Movements {@code from..to} of other patients, each with a journal entry of two lines. */
  private static void addOtherPatientsHistory(Database db, PackageId pkg, int from, int to) throws SQLException {
    String range = "generate_series(" + from + ", " + to + ") g";
    execute(db, "INSERT INTO pakketten_movements (practice_id, movement_id, patient_id, package_id, lot_id, kind,"
        + " credits, revenue, currency, at, actor, reason, source_key) SELECT '" + PRACTICE.value() + "', 'm-' || g,"
        + " 'other-' || (g % 1000), '" + pkg.value() + "', 'lot-x', 'SPENT', 1, 40, 'EUR', now(), 'filler', 'filler',"
        + " 'appointment:f-' || g FROM " + range);
    execute(db, "INSERT INTO pakketten_journal_entries (practice_id, entry_id, at, patient_id, package_id, lot_ref,"
        + " source_key, description, kind) SELECT '" + PRACTICE.value() + "', 'm-' || g, now(), 'other-' || (g % 1000), '"
        + pkg.value() + "', 'lot-x', 'appointment:f-' || g, 'filler', 'SPEND' FROM " + range);
    execute(db, "INSERT INTO pakketten_journal_lines (practice_id, entry_id, line_no, account, role, side, amount,"
        + " currency, at, package_id, kind) SELECT '" + PRACTICE.value() + "', 'm-' || g, n, '1700', 'DEFERRED_REVENUE',"
        + " CASE WHEN n = 1 THEN 'DEBIT' ELSE 'CREDIT' END, 40, 'EUR', now(), '" + pkg.value() + "', 'SPEND' FROM "
        + range
        + ", generate_series(1, 2) n");
  }

  private static List<String> explain(Database db, String sql, Object... params) throws SQLException {
    execute(db, "ANALYZE");
    List<String> plan = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) "
            + sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.add(rs.getString(1).strip());
        }
      }
    }
    return plan;
  }

  /** No table is read whole: a sequential scan may be planned on a small table, but never run. */
  private static void assertNoTableScan(List<String> plan) {
    assertThat(plan).noneMatch(line -> line.contains("Seq Scan") && !line.contains("(never executed)"));
  }

  /** The buffers of the plan's top node: all the query touched. */
  private static int buffers(List<String> plan) {
    for (String line : plan) {
      Matcher m = BUFFERS.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1)) + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
      }
    }
    throw new AssertionError("No buffer counts in " + plan);
  }

  private static void execute(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
