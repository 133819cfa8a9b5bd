package nl.pakketten.appointments;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.pakketten.Pakketten;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PatientId;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import org.junit.jupiter.api.Test;

/** Scheduling an appointment of a linked type spends its credits. */
class SpendingTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur(30));

  SpendingTest() {
    f.linkType("T1", basis.id(), 1);
    f.linkType("T2", basis.id(), 2);
    f.linkType("INTAKE", null, 1);
  }

  /** Imports a lot and moves the clock on a minute, so lots granted later are younger. */
  private LotId lot(String importId, int credits, LocalDate expiresOn) {
    LotId id = f.importCredits(importId, PATIENT, basis.id(), credits, eur(30), expiresOn).grant().lotId();
    f.clock.advance(Duration.ofMinutes(1));
    return id;
  }

  private int remaining(LotId lot) {
    return f.lots(PATIENT).stream().filter(l -> l.id().equals(lot)).findFirst().orElseThrow().creditsRemaining();
  }

  @Test
  void schedulingALinkedTypeSpendsItsCredits() {
    LotId lot = lot("I1", 5, null);

    ScheduleResult result = f.schedule("A1", PATIENT, "T2");

    assertThat(result).isInstanceOfSatisfying(ScheduleResult.Covered.class, c -> {
      assertThat(c.packageId()).isEqualTo(basis.id());
      assertThat(c.credits()).isEqualTo(2);
      assertThat(c.allocations()).extracting(Allocation::lotId, Allocation::credits)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(lot, 2));
    });
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void earliestExpiringLotIsSpentFirst() {
    LotId late = lot("I1", 5, TODAY.plusDays(60));
    LotId early = lot("I2", 5, TODAY.plusDays(30));

    f.schedule("A1", PATIENT, "T1");

    assertThat(remaining(early)).isEqualTo(4);
    assertThat(remaining(late)).isEqualTo(5);
  }

  @Test
  void lotsThatExpireAreSpentBeforeLotsThatNeverDo() {
    LotId forever = lot("I1", 5, null);
    LotId expiring = lot("I2", 5, TODAY.plusDays(300));

    f.schedule("A1", PATIENT, "T1");

    assertThat(remaining(expiring)).isEqualTo(4);
    assertThat(remaining(forever)).isEqualTo(5);
  }

  @Test
  void amongLotsExpiringTogetherTheOldestIsSpentFirst() {
    LotId older = lot("I1", 5, null);
    LotId younger = lot("I2", 5, null);

    f.schedule("A1", PATIENT, "T1");

    assertThat(remaining(older)).isEqualTo(4);
    assertThat(remaining(younger)).isEqualTo(5);
  }

  @Test
  void aSpendLargerThanOneLotTakesTheRestFromTheNext() {
    LotId older = lot("I1", 1, null);
    LotId younger = lot("I2", 5, null);

    ScheduleResult result = f.schedule("A1", PATIENT, "T2");

    assertThat(((ScheduleResult.Covered) result).allocations()).extracting(Allocation::lotId, Allocation::credits)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(older, 1), org.assertj.core.groups.Tuple.tuple(younger, 1));
    assertThat(remaining(older)).isZero();
    assertThat(remaining(younger)).isEqualTo(4);
  }

  @Test
  void expiredLotsAreSkipped() {
    LotId expired = lot("I1", 5, TODAY.minusDays(1));
    LotId valid = lot("I2", 5, null);

    f.schedule("A1", PATIENT, "T1");

    assertThat(remaining(expired)).isEqualTo(5);
    assertThat(remaining(valid)).isEqualTo(4);
  }

  @Test
  void tooFewCreditsAreRefusedNamingTheSpendableCreditsAndTheCost() {
    lot("I1", 1, null);

    assertThatThrownBy(() -> f.schedule("A1", PATIENT, "T2"))
        .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
          assertThat(e.spendable()).isEqualTo(1);
          assertThat(e.cost()).isEqualTo(2);
          assertThat(e.patient()).isEqualTo(PATIENT);
          assertThat(e.packageId()).isEqualTo(basis.id());
        })
        .hasMessageContaining("has 1 spendable credit").hasMessageContaining("costs 2");
  }

  @Test
  void aRefusedScheduleChangesNothing() {
    lot("I1", 1, null);
    int historyBefore = f.history(PATIENT).size();
    f.events.clear();

    assertThatThrownBy(() -> f.schedule("A1", PATIENT, "T2")).isInstanceOf(InsufficientCreditsException.class);

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(1);
    assertThat(f.lots(PATIENT)).singleElement().extracting(Lot::creditsRemaining).isEqualTo(1);
    assertThat(f.history(PATIENT)).hasSize(historyBefore);
    assertThat(f.pakketten.findAppointment(PRACTICE, AppointmentId.of("A1"))).isEmpty();
    assertThat(f.events).isEmpty();
  }

  @Test
  void expiredCreditsDoNotCountAsSpendable() {
    lot("I1", 5, TODAY.minusDays(1));

    assertThatThrownBy(() -> f.schedule("A1", PATIENT, "T1"))
        .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> assertThat(e.spendable()).isZero());
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void aPatientWithoutCreditsIsRefused() {
    assertThatThrownBy(() -> f.schedule("A1", PATIENT, "T1"))
        .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
          assertThat(e.spendable()).isZero();
          assertThat(e.cost()).isEqualTo(1);
        });
  }

  @Test
  void underAllowUncoveredTheAppointmentIsRecordedAsNotCoveredByThePackage() {
    Fixtures lenient = lenient();
    lenient.importCredits("I1", PATIENT, basis.id(), 1, eur(30));

    ScheduleResult result = lenient.schedule("A1", PATIENT, "T2");

    assertThat(result).isEqualTo(new ScheduleResult.Uncovered(AppointmentId.of("A1"), basis.id(), 2));
    assertThat(lenient.pakketten.findAppointment(PRACTICE, AppointmentId.of("A1")).orElseThrow().coverage())
        .isEqualTo(Appointment.Coverage.UNCOVERED);
  }

  @Test
  void underAllowUncoveredNoCreditsAreTaken() {
    Fixtures lenient = lenient();
    lenient.importCredits("I1", PATIENT, basis.id(), 1, eur(30));

    lenient.schedule("A1", PATIENT, "T2");

    assertThat(lenient.balance(PATIENT, basis.id())).isEqualTo(1);
    assertThat(lenient.history(PATIENT)).extracting(Movement::kind).containsExactly(MovementKind.IMPORTED);
  }

  @Test
  void anUncoveredBookingOfAPatientWithoutCreditsLeavesNoEmptyWallet() {
    Fixtures lenient = lenient();

    lenient.schedule("A1", PATIENT, "T2");

    assertThat(lenient.pakketten.wallets(PRACTICE, PATIENT)).isEmpty();
  }

  @Test
  void spendableLeavesOutCreditsOfLotsPastTheirLastDayUntilTheirExpiryIsBooked() {
    lot("I1", 3, f.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1));
    lot("I2", 2, null);

    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
    assertThat(f.pakketten.spendable(PRACTICE, PATIENT, basis.id())).isEqualTo(2);
  }

  @Test
  void anUnlinkedTypeIsNotCoveredByAPackage() {
    lot("I1", 5, null);

    ScheduleResult result = f.schedule("A1", PATIENT, "INTAKE");

    assertThat(result).isEqualTo(new ScheduleResult.NotCovered(AppointmentId.of("A1"), AppointmentTypeId.of("INTAKE")));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void anUnknownTypeIsNotFound() {
    assertThatThrownBy(() -> f.schedule("A1", PATIENT, "NOPE"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind()).isEqualTo("appointment type");
          assertThat(e.id()).isEqualTo("NOPE");
        });
  }

  @Test
  void secondDeliveryOfAScheduleSpendsNothingAndAnswersTheSameAsAReplay() {
    lot("I1", 5, null);
    Instant start = f.clock.instant().plus(Duration.ofDays(3));
    ScheduleResult first = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T2", start));
    f.events.clear();

    ScheduleResult second = f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T2", start));

    assertThat(first.replay()).isFalse();
    assertThat(second.replay()).isTrue();
    assertThat(second).usingRecursiveComparison().ignoringFields("replay").isEqualTo(first);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
    assertThat(f.history(PATIENT)).filteredOn(m -> m.kind() == MovementKind.SPENT).hasSize(1);
    assertThat(f.events).isEmpty();
  }

  @Test
  void sameAppointmentIdWithAnotherTypeIsAConflict() {
    lot("I1", 5, null);
    Instant start = f.clock.instant().plus(Duration.ofDays(3));
    f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", start));

    assertThatThrownBy(() -> f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T2", start)))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("A1"))
        .hasMessageContaining("appointment type");
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(4);
  }

  @Test
  void sameAppointmentIdWithAnotherStartIsAConflict() {
    lot("I1", 5, null);
    Instant start = f.clock.instant().plus(Duration.ofDays(3));
    f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", start));

    assertThatThrownBy(() -> f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1",
        start.plus(Duration.ofHours(1))))).isInstanceOf(ConflictException.class).hasMessageContaining("start");
  }

  @Test
  void sameAppointmentIdForAnotherPatientIsAConflict() {
    lot("I1", 5, null);
    PatientId other = PatientId.of("patient-2");
    f.importCredits("I2", other, basis.id(), 5, eur(30));
    Instant start = f.clock.instant().plus(Duration.ofDays(3));
    f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", PATIENT, "T1", start));

    assertThatThrownBy(() -> f.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, "A1", other, "T1", start)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("patient");
    assertThat(f.balance(other, basis.id())).isEqualTo(5);
  }

  @Test
  void spentCreditsAreRecordedOnTheAppointment() {
    LotId lot = lot("I1", 5, null);

    f.schedule("A1", PATIENT, "T2");

    assertThat(f.pakketten.findAppointment(PRACTICE, AppointmentId.of("A1"))).hasValueSatisfying(a -> {
      assertThat(a.status()).isEqualTo(Appointment.Status.SCHEDULED);
      assertThat(a.coverage()).isEqualTo(Appointment.Coverage.COVERED);
      assertThat(a.packageId()).contains(basis.id());
      assertThat(a.cost()).isEqualTo(2);
      assertThat(a.allocations()).extracting(Allocation::lotId).containsExactly(lot);
    });
  }

  private Fixtures lenient() {
    Fixtures lenient = new Fixtures(InMemoryStorage.create(),
        Pakketten.builder().shortfallPolicy(ShortfallPolicy.ALLOW_UNCOVERED));
    lenient.createPackage("Basis", eur(30));
    lenient.linkType("T2", basis.id(), 2);
    return lenient;
  }
}
