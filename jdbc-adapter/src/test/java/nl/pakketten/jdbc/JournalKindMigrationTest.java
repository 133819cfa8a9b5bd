package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.pakketten.Pakketten;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.LiabilityRollForward;
import nl.pakketten.revenue.Side;
import nl.pakketten.testing.Pages;
import org.flywaydb.core.Flyway;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V8 classifies the journal entries stored before it by their lines' roles and source keys, and
 * copies each entry's time, package and kind onto its lines: a journal written by V7 reads back
 * with the kinds the SDK books today, and the roll-forward over it ties out.
 */
class JournalKindMigrationTest {
  private static final PracticeId PRACTICE = PracticeId.of("practice-1");
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

  /** A line of a legacy entry: role, side, account. */
  private record L(AccountRole role, Side side, String account) {}

  /** An entry as V7 stored it, and the kind V8 must give it. */
  private record Legacy(String id, String sourceKey, EntryKind expected, String packageId, List<L> lines) {}

  private static final List<Legacy> LEGACY = List.of(
      new Legacy("e-01", "invoice:F-1#1", EntryKind.SALE, "fysio", List.of(
          new L(AccountRole.PAYMENTS_CLEARING, Side.DEBIT, "1300"), new L(AccountRole.DEFERRED_REVENUE, Side.CREDIT,
              "1700"))),
      new Legacy("e-02", "import:I-1", EntryKind.IMPORT, "fysio", List.of(
          new L(AccountRole.IMPORTS_OFFSET, Side.DEBIT, "8900"), new L(AccountRole.DEFERRED_REVENUE, Side.CREDIT,
              "1700"))),
      new Legacy("e-03", "appointment:A-1", EntryKind.SPEND, "fysio", List.of(
          new L(AccountRole.DEFERRED_REVENUE, Side.DEBIT, "1700"), new L(AccountRole.REVENUE, Side.CREDIT, "8000"))),
      new Legacy("e-04", "appointment:A-1", EntryKind.GIVE_BACK, "fysio", List.of(
          new L(AccountRole.REVENUE, Side.DEBIT, "8000"), new L(AccountRole.DEFERRED_REVENUE, Side.CREDIT, "1700"))),
      new Legacy("e-05", "expiry:lot-1", EntryKind.EXPIRY, "fysio", List.of(
          new L(AccountRole.DEFERRED_REVENUE, Side.DEBIT, "1700"), new L(AccountRole.BREAKAGE, Side.CREDIT, "8090"))),
      new Legacy("e-06", "refund:R-1", EntryKind.REFUND, "fysio", List.of(
          new L(AccountRole.DEFERRED_REVENUE, Side.DEBIT, "1700"), new L(AccountRole.REFUNDS_PAYABLE, Side.CREDIT,
              "1620"))),
      new Legacy("e-07", "refund:R-2", EntryKind.REFUND, "fysio", List.of(
          new L(AccountRole.DEFERRED_REVENUE, Side.DEBIT, "1700"), new L(AccountRole.BREAKAGE, Side.CREDIT, "8090"))),
      new Legacy("e-08", "reversal:V-1", EntryKind.REVERSAL, "fysio", List.of(
          new L(AccountRole.DEFERRED_REVENUE, Side.DEBIT, "1700"), new L(AccountRole.PAYMENTS_CLEARING, Side.CREDIT,
              "1300"))),
      new Legacy("e-09", "reversal:V-1", EntryKind.REVERSAL, "fysio", List.of(
          new L(AccountRole.RECEIVABLE, Side.DEBIT, "1310"), new L(AccountRole.PAYMENTS_CLEARING, Side.CREDIT,
              "1300"))),
      new Legacy("e-10", "transfer:T-1", EntryKind.TRANSFER, "fysio", List.of(
          new L(AccountRole.DEFERRED_REVENUE, Side.DEBIT, "1700"), new L(AccountRole.DEFERRED_REVENUE, Side.CREDIT,
              "1700"))),
      new Legacy("e-11", "import:I-2", EntryKind.IMPORT, null, List.of(
          new L(AccountRole.IMPORTS_OFFSET, Side.DEBIT, "8900"), new L(AccountRole.DEFERRED_REVENUE, Side.CREDIT,
              "1710"))));

  private static void migrateTo(DataSource dataSource, String version) {
    Flyway.configure().dataSource(dataSource).locations(JdbcStorage.migrationsFor(dataSource))
        .table("pakketten_schema_history").target(version).load().migrate();
  }

  /** Writes {@link #LEGACY} as V7 stored entries: 10.00 a line, one minute apart. */
  private static void writeLegacyJournal(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement entry = c.prepareStatement("INSERT INTO pakketten_journal_entries (practice_id, entry_id,"
            + " at, patient_id, package_id, lot_ref, source_key, description) VALUES (?, ?, ?, 'patient-1', ?, 'lot-1',"
            + " ?, 'legacy')");
        PreparedStatement line = c.prepareStatement("INSERT INTO pakketten_journal_lines (practice_id, entry_id,"
            + " line_no, account, role, side, amount, currency) VALUES (?, ?, ?, ?, ?, ?, 10.00, 'EUR')")) {
      for (int i = 0; i < LEGACY.size(); i++) {
        Legacy e = LEGACY.get(i);
        entry.setString(1, PRACTICE.value());
        entry.setString(2, e.id());
        entry.setTimestamp(3, Timestamp.from(AT.plusSeconds(60L * i)));
        entry.setString(4, e.packageId());
        entry.setString(5, e.sourceKey());
        entry.executeUpdate();
        for (int n = 0; n < e.lines().size(); n++) {
          line.setString(1, PRACTICE.value());
          line.setString(2, e.id());
          line.setInt(3, n);
          line.setString(4, e.lines().get(n).account());
          line.setString(5, e.lines().get(n).role().name());
          line.setString(6, e.lines().get(n).side().name());
          line.executeUpdate();
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void v8ClassifiesTheEntriesStoredBeforeItAndCopiesTheirColumnsOntoTheLines(Database database)
      throws SQLException {
    DataSource dataSource = FlywayGuidanceTest.newDatabase(database);
    migrateTo(dataSource, "7");
    writeLegacyJournal(dataSource);

    migrateTo(dataSource, "latest");

    Map<String, EntryKind> expected = new LinkedHashMap<>();
    LEGACY.forEach(e -> expected.put(e.id(), e.expected()));
    Map<String, EntryKind> stored = new LinkedHashMap<>();
    List<String> lineMismatches = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT entry_id, kind FROM pakketten_journal_entries ORDER BY entry_id")) {
        while (rs.next()) {
          stored.put(rs.getString(1), EntryKind.valueOf(rs.getString(2)));
        }
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT l.entry_id, l.line_no FROM pakketten_journal_lines l"
          + " JOIN pakketten_journal_entries e ON e.practice_id = l.practice_id AND e.entry_id = l.entry_id"
          + " WHERE l.at <> e.at OR l.kind <> e.kind OR NOT (l.package_id = e.package_id"
          + " OR l.package_id IS NULL AND e.package_id IS NULL)")) {
        while (rs.next()) {
          lineMismatches.add(rs.getString(1) + "#" + rs.getInt(2));
        }
      }
    }
    assertThat(stored).isEqualTo(expected);
    assertThat(lineMismatches).as("lines whose copied columns differ from their entry's").isEmpty();

    // The adapter reads the kinds back, and the roll-forward over the migrated lines ties out.
    Pakketten pakketten = Pakketten.builder().storage(JdbcStorage.create(dataSource)).build();
    List<JournalEntry> journal = Pages.journal(pakketten, PRACTICE, Instant.EPOCH, AT.plusSeconds(3_600));
    assertThat(journal).extracting(JournalEntry::kind).containsExactlyElementsOf(expected.values());
    LiabilityRollForward rollForward =
        pakketten.liabilityRollForward(PRACTICE, AT.plusSeconds(60), AT.plusSeconds(3_600));
    assertThat(rollForward.lines()).containsExactly(
        new LiabilityRollForward.Line(BalanceSheetItem.of("1700"), PackageId.of("fysio"), eur("10.00"), eur("0.00"),
            eur("10.00"), eur("-10.00"), eur("10.00"), eur("-10.00"), eur("-20.00"), eur("-10.00"), eur("10.00"),
            eur("-10.00"), eur("-20.00")),
        new LiabilityRollForward.Line(BalanceSheetItem.of("1710"), null, eur("0.00"), eur("0.00"), eur("10.00"),
            eur("0.00"), eur("0.00"), eur("0.00"), eur("0.00"), eur("0.00"), eur("0.00"), eur("0.00"), eur("10.00")));
  }

  private static Money eur(String amount) {
    return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
  }
}
