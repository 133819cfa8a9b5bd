package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A balance read costs the same with 10 movements in the wallet's history as with 100,000: it is
 * one primary-key lookup of the wallet row, shown by PostgreSQL's own plan and buffer counts (no
 * timing assertion).
 */
class BalanceReadTest {
  private static final Logger LOG = LoggerFactory.getLogger(BalanceReadTest.class);
  private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)");

  @Test
  void aBalanceReadIsOnePrimaryKeyLookupWhateverTheHistoryHolds() throws SQLException {
    Database db = Database.POSTGRESQL;
    Fixtures f = new Fixtures(db.emptyStorage());
    PackageId pkg = f.createPackage("Fysio", eur("40.00")).id();
    f.linkType("fysio", pkg, 1);
    f.importCredits("I-1", PATIENT, pkg, 10, eur("40.00"));
    for (int i = 0; i < 5; i++) {
      f.schedule("A-" + i, PATIENT, "fysio");
    }
    fillOtherWallets(db, pkg);
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_movements")).isEqualTo(6);
    List<String> small = explainBalance(db, pkg);

    addMovements(db, pkg, 100_000);
    assertThat(LedgerAudit.count(db.dataSource(), "SELECT COUNT(*) FROM pakketten_movements WHERE patient_id = ?",
        PATIENT.value())).isGreaterThan(100_000);
    List<String> large = explainBalance(db, pkg);

    LOG.info("Balance read with 6 movements:\n  {}", String.join("\n  ", small));
    LOG.info("Balance read with 100,006 movements:\n  {}", String.join("\n  ", large));
    for (List<String> plan : List.of(small, large)) {
      assertThat(plan.get(0)).startsWith("Index Scan using pakketten_wallets_pk on pakketten_wallets");
      assertThat(plan).noneMatch(line -> line.contains("movements") || line.contains("lots"));
      assertThat(plan).noneMatch(line -> line.contains("->")); // a single node: no join, no sub-plan
    }
    assertThat(buffers(large)).isEqualTo(buffers(small)).isLessThanOrEqualTo(4);
    assertThat(f.balance(PATIENT, pkg)).isEqualTo(5);
    assertThat(LedgerAudit.violations(db.dataSource())).isEmpty();
  }

  @Test
  void onH2TheBalanceReadUsesTheWalletPrimaryKeyOnly() throws SQLException {
    Database db = Database.H2;
    db.clean();
    String plan;
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + JdbcWallets.BALANCE)) {
      ps.setString(1, PRACTICE.value());
      ps.setString(2, PATIENT.value());
      ps.setString(3, "fysio");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        plan = rs.getString(1);
      }
    }
    LOG.info("Balance read on H2: {}", plan);
    // H2 names the primary key's index PRIMARY_KEY_x; a full scan would read "tableScan".
    assertThat(plan).containsPattern("/\\* PUBLIC\\.PRIMARY_KEY_\\w+: ").contains("PRACTICE_ID = ?1")
        .doesNotContain("tableScan").doesNotContainIgnoringCase("movements").doesNotContainIgnoringCase("lots");
  }

  /** 10,000 more wallets, so the planner has a table worth an index to choose from. */
  private static void fillOtherWallets(Database db, PackageId pkg) throws SQLException {
    execute(db, "INSERT INTO pakketten_wallets (practice_id, patient_id, package_id, balance)"
        + " SELECT '" + PRACTICE.value() + "', 'other-' || g, '" + pkg.value() + "', 0"
        + " FROM generate_series(1, 10000) g");
  }

  /** Spends and gives back one credit of the patient's lot, {@code count / 2} times over: the balance is unchanged. */
  private static void addMovements(Database db, PackageId pkg, int count) throws SQLException {
    String lot = f(db, "SELECT lot_id FROM pakketten_lots WHERE practice_id = '" + PRACTICE.value() + "'"
        + " AND patient_id = '" + PATIENT.value() + "'");
    execute(db, "INSERT INTO pakketten_movements (practice_id, movement_id, patient_id, package_id, lot_id, kind,"
        + " credits, revenue, currency, at, actor, reason, source_key)"
        + " SELECT '" + PRACTICE.value() + "', 'filler-' || g, '" + PATIENT.value() + "', '" + pkg.value() + "', '"
        + lot + "', CASE WHEN g % 2 = 0 THEN 'SPENT' ELSE 'GIVEN_BACK' END, 1,"
        + " CASE WHEN g % 2 = 0 THEN 40 ELSE -40 END, 'EUR', now(), 'filler', 'filler', 'appointment:filler-' || (g / 2)"
        + " FROM generate_series(1, " + count + ") g");
  }

  private static List<String> explainBalance(Database db, PackageId pkg) throws SQLException {
    execute(db, "ANALYZE");
    List<String> plan = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) "
            + JdbcWallets.BALANCE)) {
      ps.setString(1, PRACTICE.value());
      ps.setString(2, PATIENT.value());
      ps.setString(3, pkg.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.add(rs.getString(1).strip());
        }
      }
    }
    return plan;
  }

  private static int buffers(List<String> plan) {
    for (String line : plan) {
      Matcher m = BUFFERS.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("No buffer counts in " + plan);
  }

  private static void execute(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String f(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
