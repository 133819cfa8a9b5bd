package nl.pakketten.appointments;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import nl.pakketten.Pakketten;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import org.junit.jupiter.api.Test;

/** Changing an appointment's type re-evaluates its credits in one step. */
class ChangeTypeTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));
  private final CreditPackage plus = f.createPackage("Plus", eur(40));

  ChangeTypeTest() {
    f.linkType("T1", basis.id(), 1);
    f.linkType("T2", basis.id(), 2);
    f.linkType("T5", basis.id(), 5);
    f.linkType("PLUS", plus.id(), 1);
    f.linkType("INTAKE", null, 1);
  }

  private Appointment appointment(String id) {
    return f.pakketten.findAppointment(PRACTICE, AppointmentId.of(id)).orElseThrow();
  }

  @Test
  void changingTheTypeGivesBackTheOldCostAndTakesTheNew() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T1");

    ScheduleResult result = f.changeType("A1", "T2");

    assertThat(result).isInstanceOfSatisfying(ScheduleResult.Covered.class, c -> assertThat(c.credits()).isEqualTo(2));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
    assertThat(f.history(PATIENT)).extracting(Movement::kind, Movement::credits).containsExactly(
        org.assertj.core.groups.Tuple.tuple(MovementKind.IMPORTED, 5),
        org.assertj.core.groups.Tuple.tuple(MovementKind.SPENT, 1),
        org.assertj.core.groups.Tuple.tuple(MovementKind.GIVEN_BACK, 1),
        org.assertj.core.groups.Tuple.tuple(MovementKind.SPENT, 2));
    assertThat(appointment("A1").typeId()).isEqualTo(AppointmentTypeId.of("T2"));
  }

  @Test
  void theCreditsGivenBackCountTowardsTheNewType() {
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(30));
    f.schedule("A1", PATIENT, "T1");

    assertThat(f.changeType("A1", "T2")).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(f.balance(PATIENT, basis.id())).isZero();
  }

  @Test
  void aChangeThePatientCannotAffordIsRefusedAndChangesNothing() {
    f.importCredits("I1", PATIENT, basis.id(), 3, eur(30));
    f.schedule("A1", PATIENT, "T1");
    Appointment before = appointment("A1");
    int historyBefore = f.history(PATIENT).size();
    f.events.clear();

    assertThatThrownBy(() -> f.changeType("A1", "T5"))
        .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
          assertThat(e.spendable()).isEqualTo(3);
          assertThat(e.cost()).isEqualTo(5);
        });

    assertThat(appointment("A1")).isEqualTo(before);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(2);
    assertThat(f.history(PATIENT)).hasSize(historyBefore);
    assertThat(f.journal()).hasSize(2);
    assertThat(f.events).isEmpty();
  }

  @Test
  void changingToTheSameTypeChangesNothing() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    ScheduleResult scheduled = f.schedule("A1", PATIENT, "T2");
    f.events.clear();

    ScheduleResult result = f.changeType("A1", "T2");

    assertThat(result.replay()).isTrue();
    assertThat(result).usingRecursiveComparison().ignoringFields("replay").isEqualTo(scheduled);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
    assertThat(f.history(PATIENT)).hasSize(2);
    assertThat(f.events).isEmpty();
  }

  @Test
  void aCancelledAppointmentCannotChangeToAnotherType() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T1");
    f.cancel("A1");

    assertThatThrownBy(() -> f.changeType("A1", "T2"))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("A1"))
        .hasMessageContaining("cancelled");
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void changingToAnUnlinkedTypeGivesTheCreditsBack() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");

    ScheduleResult result = f.changeType("A1", "INTAKE");

    assertThat(result).isEqualTo(new ScheduleResult.NotCovered(AppointmentId.of("A1"), AppointmentTypeId.of("INTAKE")));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void changingFromAnUnlinkedToALinkedTypeSpendsCredits() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "INTAKE");

    assertThat(f.changeType("A1", "T2")).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void changingToATypeOfAnotherPackageMovesTheSpendToThatPackage() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.importCredits("I2", PATIENT, plus.id(), 5, eur(40));
    f.schedule("A1", PATIENT, "T1");

    ScheduleResult result = f.changeType("A1", "PLUS");

    assertThat(result).isInstanceOfSatisfying(ScheduleResult.Covered.class,
        c -> assertThat(c.packageId()).isEqualTo(plus.id()));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.balance(PATIENT, plus.id())).isEqualTo(4);
  }

  @Test
  void underAllowUncoveredAnUnaffordableChangeLeavesTheAppointmentUncovered() {
    Fixtures lenient = new Fixtures(InMemoryStorage.create(),
        Pakketten.builder().shortfallPolicy(ShortfallPolicy.ALLOW_UNCOVERED));
    CreditPackage pkg = lenient.createPackage("Basis", eur(30));
    lenient.linkType("T1", pkg.id(), 1);
    lenient.linkType("T5", pkg.id(), 5);
    lenient.importCredits("I1", PATIENT, pkg.id(), 3, eur(30));
    lenient.schedule("A1", PATIENT, "T1");

    ScheduleResult result = lenient.changeType("A1", "T5");

    assertThat(result).isEqualTo(new ScheduleResult.Uncovered(AppointmentId.of("A1"), pkg.id(), 5));
    assertThat(lenient.balance(PATIENT, pkg.id())).isEqualTo(3);
  }

  @Test
  void afterAChangeCancellingGivesBackTheNewTypesCredits() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.importCredits("I2", PATIENT, plus.id(), 5, eur(40));
    f.schedule("A1", PATIENT, "T2");
    f.changeType("A1", "PLUS");

    f.cancel("A1");

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.balance(PATIENT, plus.id())).isEqualTo(5);
  }

  @Test
  void replayedScheduleAfterTypeChangeAnswersTheFirstOutcome() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    Instant start = f.clock.instant().plus(Duration.ofDays(2));
    ScheduleResult first = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", start));
    f.changeType("A1", "T2");
    f.events.clear();

    ScheduleResult replay = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", start));

    assertThat(replay).isInstanceOfSatisfying(ScheduleResult.Covered.class, c -> {
      assertThat(c.credits()).isEqualTo(1);
      assertThat(c.replay()).isTrue();
    });
    assertThat(replay).usingRecursiveComparison().ignoringFields("replay").isEqualTo(first);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
    assertThat(f.events).isEmpty();
  }

  @Test
  void replayedNotCoveredScheduleAfterChangeToALinkedTypeAnswersNotCovered() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    Instant start = f.clock.instant().plus(Duration.ofDays(2));
    f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "INTAKE", start));
    assertThat(f.changeType("A1", "T1")).isInstanceOf(ScheduleResult.Covered.class);

    ScheduleResult replay = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "INTAKE", start));

    assertThat(replay).isEqualTo(new ScheduleResult.NotCovered(AppointmentId.of("A1"), AppointmentTypeId.of("INTAKE"),
        true));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
  }

  @Test
  void replayedScheduleAfterTypeChangeAndCancelAnswersTheFirstOutcome() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    Instant start = f.clock.instant().plus(Duration.ofDays(2));
    ScheduleResult first = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T2", start));
    f.changeType("A1", "INTAKE");
    f.cancel("A1");

    ScheduleResult replay = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T2", start));

    assertThat(replay.replay()).isTrue();
    assertThat(replay).usingRecursiveComparison().ignoringFields("replay").isEqualTo(first);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void replayedTypeChangeAfterCancelAnswersAsTheFirstChange() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T1");
    ScheduleResult changed = f.changeType("A1", "T2");
    f.cancel("A1");
    int history = f.history(PATIENT).size();
    f.events.clear();

    ScheduleResult replay = f.changeType("A1", "T2");

    assertThat(changed.replay()).isFalse();
    assertThat(replay.replay()).isTrue();
    assertThat(replay).usingRecursiveComparison().ignoringFields("replay").isEqualTo(changed);
    assertThat(appointment("A1").status()).isEqualTo(Appointment.Status.CANCELLED);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.history(PATIENT)).hasSize(history);
    assertThat(f.events).isEmpty();
  }

  @Test
  void changingBackAndForthIsARealChangeEachTime() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T1");
    ScheduleResult toT2 = f.changeType("A1", "T2");
    f.changeType("A1", "T1");

    ScheduleResult again = f.changeType("A1", "T2");

    assertThat(again.replay()).isFalse();
    assertThat(again).isInstanceOfSatisfying(ScheduleResult.Covered.class, c -> assertThat(c.credits()).isEqualTo(2));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
    assertThat(f.history(PATIENT)).extracting(Movement::kind).containsExactly(MovementKind.IMPORTED,
        MovementKind.SPENT, MovementKind.GIVEN_BACK, MovementKind.SPENT, MovementKind.GIVEN_BACK, MovementKind.SPENT,
        MovementKind.GIVEN_BACK, MovementKind.SPENT);
    assertThat(toT2.replay()).isFalse();
  }

  @Test
  void changingAnUnknownAppointmentIsNotFound() {
    assertThatThrownBy(() -> f.changeType("NOPE", "T1")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("NOPE");
  }

  @Test
  void changingToAnUnknownTypeIsNotFoundAndChangesNothing() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T1");

    assertThatThrownBy(() -> f.changeType("A1", "NOPE")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("NOPE");
    assertThat(appointment("A1").typeId()).isEqualTo(AppointmentTypeId.of("T1"));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
  }
}
