package nl.pakketten.appointments;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.pakketten.Pakketten;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import org.junit.jupiter.api.Test;

/** Cancelling gives credits back to the lots they came from, unless a late-cancellation policy keeps them. */
class CancellationTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = setUp(f);

  private static CreditPackage setUp(Fixtures fixtures) {
    CreditPackage pkg = fixtures.createPackage("Basis", eur(30));
    fixtures.linkType("T1", pkg.id(), 1);
    fixtures.linkType("T2", pkg.id(), 2);
    fixtures.linkType("INTAKE", null, 1);
    return pkg;
  }

  private static Fixtures withLatePolicy(Duration window) {
    return new Fixtures(InMemoryStorage.create(),
        Pakketten.builder().lateCancellationPolicy(LateCancellationPolicy.keepCreditsWithin(window)));
  }

  private static void scheduleIn(Fixtures fixtures, String appointmentId, String type, Duration fromNow) {
    fixtures.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, appointmentId, PATIENT, type,
        fixtures.clock.instant().plus(fromNow)));
  }

  @Test
  void cancellingGivesTheCreditsBack() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");

    CancelResult result = f.cancel("A1");

    assertThat(result).isInstanceOfSatisfying(CancelResult.GivenBack.class, g -> assertThat(g.credits()).isEqualTo(2));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.pakketten.findAppointment(PRACTICE, AppointmentId.of("A1")).orElseThrow().status())
        .isEqualTo(Appointment.Status.CANCELLED);
  }

  @Test
  void cancellingGivesBackToExactlyTheLotsTakenFrom() {
    LotId first = f.importCredits("I1", PATIENT, basis.id(), 1, eur(30)).grant().lotId();
    f.clock.advance(Duration.ofMinutes(1));
    LotId second = f.importCredits("I2", PATIENT, basis.id(), 5, eur(20)).grant().lotId();
    ScheduleResult.Covered spent = (ScheduleResult.Covered) f.schedule("A1", PATIENT, "T2");
    f.schedule("A2", PATIENT, "T1");

    CancelResult result = f.cancel("A1");

    assertThat(result).isInstanceOfSatisfying(CancelResult.GivenBack.class,
        g -> assertThat(g.allocations()).isEqualTo(spent.allocations()));
    assertThat(f.lots(PATIENT)).extracting(Lot::id, Lot::creditsRemaining).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(first, 1), org.assertj.core.groups.Tuple.tuple(second, 4));
    assertThat(f.history(PATIENT)).filteredOn(m -> m.kind() == MovementKind.GIVEN_BACK)
        .extracting(Movement::lotId, Movement::credits).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(first, 1), org.assertj.core.groups.Tuple.tuple(second, 1));
  }

  @Test
  void cancellingTwiceGivesBackOnceAndAnswersTheSameAsAReplay() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");
    CancelResult first = f.cancel("A1");
    f.events.clear();

    CancelResult second = f.cancel("A1");

    assertThat(first.replay()).isFalse();
    assertThat(second.replay()).isTrue();
    assertThat(second).usingRecursiveComparison().ignoringFields("replay").isEqualTo(first);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.history(PATIENT)).filteredOn(m -> m.kind() == MovementKind.GIVEN_BACK).hasSize(1);
    assertThat(f.events).isEmpty();
  }

  @Test
  void lateCancellationKeepsTheCredits() {
    Fixtures late = withLatePolicy(Duration.ofHours(24));
    CreditPackage pkg = setUp(late);
    late.importCredits("I1", PATIENT, pkg.id(), 5, eur(30));
    scheduleIn(late, "A1", "T2", Duration.ofHours(2));

    CancelResult result = late.cancel("A1");

    assertThat(result).isEqualTo(new CancelResult.Forfeited(AppointmentId.of("A1"), 2));
    assertThat(late.balance(PATIENT, pkg.id())).isEqualTo(3);
    assertThat(late.pakketten.findAppointment(PRACTICE, AppointmentId.of("A1")).orElseThrow()
        .cancelOutcome()).contains(Appointment.CancelOutcome.FORFEITED);
  }

  @Test
  void replayedLateCancellationAnswersForfeitedAsTheFirst() {
    Fixtures late = withLatePolicy(Duration.ofHours(24));
    CreditPackage pkg = setUp(late);
    late.importCredits("I1", PATIENT, pkg.id(), 5, eur(30));
    scheduleIn(late, "A1", "T2", Duration.ofHours(2));
    late.cancel("A1");
    late.clock.advance(Duration.ofDays(3));
    late.events.clear();

    CancelResult replay = late.cancel("A1");

    assertThat(replay).isEqualTo(new CancelResult.Forfeited(AppointmentId.of("A1"), 2, true));
    assertThat(late.balance(PATIENT, pkg.id())).isEqualTo(3);
    assertThat(late.events).isEmpty();
  }

  @Test
  void lateCancellationIsRecordedAsForfeitedInTheHistory() {
    Fixtures late = withLatePolicy(Duration.ofHours(24));
    CreditPackage pkg = setUp(late);
    late.importCredits("I1", PATIENT, pkg.id(), 5, eur(30));
    scheduleIn(late, "A1", "T2", Duration.ofHours(2));

    late.cancel("A1");

    assertThat(late.history(PATIENT)).extracting(Movement::kind).containsExactly(MovementKind.IMPORTED,
        MovementKind.SPENT, MovementKind.FORFEITED);
    Movement forfeit = late.history(PATIENT).get(2);
    assertThat(forfeit.credits()).isEqualTo(2);
    assertThat(forfeit.balanceEffect()).isZero();
    assertThat(forfeit.actor()).isEqualTo(RECEPTIONIST.userId());
    assertThat(forfeit.reason()).contains("late");
    assertThat(forfeit.sourceKey()).isEqualTo("appointment:A1");
  }

  @Test
  void lateCancellationOfTheCreditsThatUsedUpALotForfeitsThemOnThatLot() {
    // The lot has no credits left, so a command's wallet does not hold it: it is loaded by id.
    Fixtures late = withLatePolicy(Duration.ofHours(24));
    CreditPackage pkg = setUp(late);
    LotId lot = late.importCredits("I1", PATIENT, pkg.id(), 2, eur(30)).grant().lotId();
    scheduleIn(late, "A1", "T2", Duration.ofHours(2));

    late.cancel("A1");

    assertThat(late.balance(PATIENT, pkg.id())).isZero();
    assertThat(late.history(PATIENT)).last().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MovementKind.FORFEITED);
      assertThat(m.lotId()).isEqualTo(lot);
      assertThat(m.credits()).isEqualTo(2);
    });
  }

  @Test
  void cancellingGivesBackToLotsUsedUpLongBeforeAmongManyUsedUpLots() {
    LotId firstLot = null;
    for (int i = 0; i < 30; i++) {
      LotId lot = f.importCredits("I" + i, PATIENT, basis.id(), 1, eur(30)).grant().lotId();
      firstLot = firstLot == null ? lot : firstLot;
      f.clock.advance(Duration.ofMinutes(1));
    }
    f.schedule("A0", PATIENT, "T1");
    for (int i = 1; i < 30; i++) {
      f.schedule("A" + i, PATIENT, "T1");
    }

    f.cancel("A0");

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(1);
    assertThat(f.lots(PATIENT)).filteredOn(l -> l.creditsRemaining() > 0).extracting(Lot::id)
        .containsExactly(firstLot);
    f.schedule("B1", PATIENT, "T1");
    assertThat(f.balance(PATIENT, basis.id())).isZero();
  }

  @Test
  void cancellationBeforeTheLateWindowGivesTheCreditsBack() {
    Fixtures late = withLatePolicy(Duration.ofHours(24));
    CreditPackage pkg = setUp(late);
    late.importCredits("I1", PATIENT, pkg.id(), 5, eur(30));
    scheduleIn(late, "A1", "T2", Duration.ofHours(25));

    assertThat(late.cancel("A1")).isInstanceOf(CancelResult.GivenBack.class);
    assertThat(late.balance(PATIENT, pkg.id())).isEqualTo(5);
  }

  @Test
  void withoutALateCancellationPolicyEvenALastMinuteCancellationGivesBack() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    scheduleIn(f, "A1", "T2", Duration.ofMinutes(5));

    assertThat(f.cancel("A1")).isInstanceOf(CancelResult.GivenBack.class);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void cancellingAnAppointmentOfAnUnlinkedTypeGivesNothingBack() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "INTAKE");

    assertThat(f.cancel("A1")).isEqualTo(new CancelResult.NothingToGiveBack(AppointmentId.of("A1")));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.history(PATIENT)).extracting(Movement::kind).containsExactly(MovementKind.IMPORTED);
  }

  @Test
  void cancellingAnUncoveredAppointmentGivesNothingBack() {
    Fixtures lenient = new Fixtures(InMemoryStorage.create(),
        Pakketten.builder().shortfallPolicy(ShortfallPolicy.ALLOW_UNCOVERED));
    CreditPackage pkg = setUp(lenient);
    lenient.importCredits("I1", PATIENT, pkg.id(), 1, eur(30));
    lenient.schedule("A1", PATIENT, "T2");

    assertThat(lenient.cancel("A1")).isInstanceOf(CancelResult.NothingToGiveBack.class);
    assertThat(lenient.balance(PATIENT, pkg.id())).isEqualTo(1);
  }

  @Test
  void cancellingAnUnknownAppointmentIsNotFound() {
    assertThatThrownBy(() -> f.cancel("NOPE"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind()).isEqualTo("appointment");
          assertThat(e.id()).isEqualTo("NOPE");
        });
  }

  @Test
  void creditsGivenBackCanBeSpentAgain() {
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(30));
    f.schedule("A1", PATIENT, "T2");
    f.cancel("A1");

    assertThat(f.schedule("A2", PATIENT, "T2")).isInstanceOf(ScheduleResult.Covered.class);
    assertThat(f.balance(PATIENT, basis.id())).isZero();
  }

  @Test
  void theCancelReasonIsRecorded() {
    f.importCredits("I1", PATIENT, basis.id(), 2, eur(30));
    f.schedule("A1", PATIENT, "T1");

    f.pakketten.cancel(CancelAppointment.builder().practice(PRACTICE).actor(RECEPTIONIST)
        .appointmentId(AppointmentId.of("A1")).reason("patient is ill").build());

    assertThat(f.history(PATIENT)).last().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MovementKind.GIVEN_BACK);
      assertThat(m.reason()).isEqualTo("patient is ill");
    });
  }
}
