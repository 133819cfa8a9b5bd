package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.OTHER_PRACTICE;
import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.catalog.DeactivatePackage;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.PaymentResult;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.testing.Pages;
import nl.pakketten.wallet.Movement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two practices in one database, using the very same ids for everything: no query of one returns a
 * row of the other, no change of one touches the other, and every key of the schema starts with the
 * practice.
 */
class TenantIsolationTest {
  private static final Instant START = Fixtures.START.plusSeconds(7 * 24 * 3600);
  private static final PackageId PKG = PackageId.of("fysio");

  @ParameterizedTest
  @EnumSource(Database.class)
  void twoPracticesWithTheSameIdsNeverSeeOrChangeEachOthersRows(Database db) {
    Fixtures f = new Fixtures(db.emptyStorage());
    for (PracticeId practice : List.of(PRACTICE, OTHER_PRACTICE)) {
      f.createPackage(practice, "Fysio", eur(practice == PRACTICE ? "40.00" : "50.00"));
      f.linkProduct(practice, "FYSIO10", PKG, practice == PRACTICE ? 10 : 20, eur("400.00"));
      f.linkType(practice, "fysio", PKG, 1);
      f.pakketten.registerPayment(Fixtures.invoice(practice, "F-1", PATIENT,
          InvoiceLine.of("FYSIO10", 1, eur("400.00"))));
      f.pakketten.schedule(Fixtures.scheduleCommand(practice, "A-1", PATIENT, "fysio", START));
    }
    f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A-2", PATIENT, "fysio", START));
    f.pakketten.cancel(CancelAppointment.builder().practice(OTHER_PRACTICE).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of("A-1")).build());
    f.pakketten.deactivatePackage(DeactivatePackage.of(PRACTICE, OWNER, PKG));

    assertThat(f.pakketten.balance(PRACTICE, PATIENT, PKG)).isEqualTo(8);
    assertThat(f.pakketten.balance(OTHER_PRACTICE, PATIENT, PKG)).isEqualTo(20);
    assertThat(f.pakketten.findPackage(PRACTICE, PKG).orElseThrow().active()).isFalse();
    assertThat(f.pakketten.findPackage(OTHER_PRACTICE, PKG).orElseThrow().active()).isTrue();
    assertThat(f.pakketten.findPackage(OTHER_PRACTICE, PKG).orElseThrow().internalRate()).isEqualTo(eur("50.00"));
    assertThat(Pages.history(f.pakketten, PRACTICE, PATIENT)).extracting(Movement::practice).containsOnly(PRACTICE)
        .hasSize(3);
    assertThat(Pages.history(f.pakketten, OTHER_PRACTICE, PATIENT)).extracting(Movement::practice)
        .containsOnly(OTHER_PRACTICE).hasSize(3);
    assertThat(f.pakketten.lots(OTHER_PRACTICE, PATIENT)).singleElement()
        .satisfies(lot -> assertThat(lot.creditsGranted()).isEqualTo(20));
    assertThat(Pages.journal(f.pakketten, PRACTICE, Instant.EPOCH, Instant.MAX)).extracting(JournalEntry::practice)
        .containsOnly(PRACTICE).hasSize(3);
    assertThat(Pages.journal(f.pakketten, OTHER_PRACTICE, Instant.EPOCH, Instant.MAX)).extracting(JournalEntry::practice)
        .containsOnly(OTHER_PRACTICE).hasSize(3);
    assertThat(f.storage.appointments().find(PRACTICE, AppointmentId.of("A-1")).orElseThrow().status())
        .isEqualTo(nl.pakketten.appointments.Appointment.Status.SCHEDULED);
    assertThat(f.storage.appointments().find(OTHER_PRACTICE, AppointmentId.of("A-2"))).isEmpty();
    // The same invoice id is a replay in each practice against that practice's own receipt.
    assertThat(f.pakketten.registerPayment(Fixtures.invoice(OTHER_PRACTICE, "F-1", PATIENT,
        InvoiceLine.of("FYSIO10", 1, eur("400.00"))))).isInstanceOf(PaymentResult.AlreadyGranted.class)
        .satisfies(r -> assertThat(r.credits()).isEqualTo(20));
    assertThatThrownBy(() -> f.pakketten.registerPayment(Fixtures.invoice(PRACTICE, "F-1", PATIENT,
        InvoiceLine.of("FYSIO10", 2, eur("800.00"))))).isInstanceOf(ConflictException.class);
    assertThat(LedgerAudit.violations(db.dataSource())).isEmpty();
  }

  /**
   * The first columns of the outbox's key ({@code id}) and due index ({@code next_attempt_at}; {@code
   * state} on H2); its unique key and its listing index start with the practice.
   */
  private static final java.util.Set<String> OUTBOX_LEADING = java.util.Set.of("id", "next_attempt_at", "state");

  @ParameterizedTest
  @EnumSource(Database.class)
  void everyPrimaryKeyUniqueKeyAndIndexStartsWithThePractice(Database db) throws SQLException {
    String sql = db == Database.POSTGRESQL
        ? "SELECT i.relname, a.attname, t.relname FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_class i ON i.oid = x.indexrelid"
            + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]"
            + " WHERE t.relname LIKE 'pakketten\\_%' AND t.relname <> 'pakketten_schema_history'"
        : "SELECT INDEX_NAME, COLUMN_NAME, TABLE_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
            + " WHERE LOWER(TABLE_NAME) LIKE 'pakketten\\_%' AND LOWER(TABLE_NAME) <> 'pakketten_schema_history'"
            + " AND ORDINAL_POSITION = 1";
    List<String> indexes = new ArrayList<>();
    List<String> leadingWithOther = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        indexes.add(rs.getString(1));
        // The outbox is the one queue across practices: dispatchers claim by due time and record each
        // attempt by the message's own id, never browsing a practice's rows by those indexes.
        if (rs.getString(3).equalsIgnoreCase("pakketten_outbox")
            && OUTBOX_LEADING.contains(rs.getString(2).toLowerCase(java.util.Locale.ROOT))) {
          continue;
        }
        if (!rs.getString(2).equalsIgnoreCase("practice_id")) {
          leadingWithOther.add(rs.getString(1) + " starts with " + rs.getString(2));
        }
      }
    }
    assertThat(indexes).hasSizeGreaterThanOrEqualTo(Database.TABLES.size() + 6);
    assertThat(leadingWithOther).isEmpty();
  }
}
