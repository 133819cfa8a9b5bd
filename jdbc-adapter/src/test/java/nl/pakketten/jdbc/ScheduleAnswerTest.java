package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How the adapter keeps an appointment's first schedule answer (migration V2): written with the
 * appointment's row, its allocations kept apart only once a type change replaces them, and rows
 * from before V2 answered from their current state.
 */
class ScheduleAnswerTest {
  @ParameterizedTest
  @EnumSource(Database.class)
  void theFirstAllocationsAreKeptApartOnlyWhileATypeChangeReplacesThem(Database database) {
    Fixtures f = fixtures(database);
    Instant start = f.clock.instant().plus(Duration.ofDays(2));
    ScheduleResult first = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A-1", PATIENT, "T1", start));
    assertThat(scheduledAllocations(database)).as("scheduling writes nothing apart").isZero();

    f.changeType("A-1", "T2");
    assertThat(scheduledAllocations(database)).as("after a type change").isEqualTo(1);
    f.changeType("A-1", "T1");
    f.changeType("A-1", "T2");
    f.cancel("A-1");

    ScheduleResult replay = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A-1", PATIENT, "T1", start));
    assertThat(replay.replay()).isTrue();
    assertThat(replay).usingRecursiveComparison().ignoringFields("replay").isEqualTo(first);
    assertThat(LedgerAudit.violations(database.dataSource())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aReplayOfAnAppointmentStoredBeforeV2AnswersFromItsCurrentState(Database database) throws SQLException {
    Fixtures f = fixtures(database);
    Instant start = f.clock.instant().plus(Duration.ofDays(2));
    f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A-1", PATIENT, "T1", start));
    ScheduleResult changed = f.changeType("A-1", "T2");
    // A row written by a version without V2 has no schedule answer.
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement forget = c.prepareStatement("UPDATE pakketten_appointments SET scheduled_coverage = NULL,"
            + " scheduled_package_id = NULL, scheduled_cost = NULL");
        PreparedStatement apart = c.prepareStatement("DELETE FROM pakketten_scheduled_allocations")) {
      forget.executeUpdate();
      apart.executeUpdate();
    }

    ScheduleResult replay = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A-1", PATIENT, "T1", start));

    assertThat(f.pakketten.findAppointment(PRACTICE, AppointmentId.of("A-1")).orElseThrow()
        .scheduleAnswer()).isEmpty();
    assertThat(replay.replay()).isTrue();
    assertThat(replay).usingRecursiveComparison().ignoringFields("replay").isEqualTo(changed);
  }

  private static Fixtures fixtures(Database database) {
    Fixtures f = new Fixtures(database.emptyStorage());
    CreditPackage pkg = f.createPackage("Fysio 10", eur("45.00"));
    f.linkType("T1", pkg.id(), 1);
    f.linkType("T2", pkg.id(), 2);
    f.importCredits("I-1", PATIENT, pkg.id(), 10, eur("45.00"));
    return f;
  }

  private static long scheduledAllocations(Database database) {
    return LedgerAudit.count(database.dataSource(), "pakketten_scheduled_allocations");
  }
}
