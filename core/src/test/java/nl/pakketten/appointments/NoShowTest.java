package nl.pakketten.appointments;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.pakketten.Pakketten;
import nl.pakketten.access.AccessDeniedException;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.common.Actor;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.testing.Fixtures;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import org.junit.jupiter.api.Test;

/** Marking an appointment a no-show: the no-show policy decides whether its credits are kept or given back. */
class NoShowTest {
  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = setUp(f);

  private static CreditPackage setUp(Fixtures fixtures) {
    CreditPackage pkg = fixtures.createPackage("Basis", eur(30));
    fixtures.linkType("T1", pkg.id(), 1);
    fixtures.linkType("T2", pkg.id(), 2);
    fixtures.linkType("INTAKE", null, 1);
    return pkg;
  }

  private static Fixtures with(NoShowPolicy policy) {
    return new Fixtures(InMemoryStorage.create(), Pakketten.builder().noShowPolicy(policy));
  }

  private static MarkNoShow.Builder command(String appointmentId) {
    return MarkNoShow.builder().practice(PRACTICE).actor(RECEPTIONIST).appointmentId(AppointmentId.of(appointmentId));
  }

  private static NoShowResult noShow(Fixtures fixtures, String appointmentId) {
    return fixtures.pakketten.markNoShow(command(appointmentId).build());
  }

  private static Appointment appointment(Fixtures fixtures, String id) {
    return fixtures.pakketten.findAppointment(PRACTICE, AppointmentId.of(id)).orElseThrow();
  }

  @Test
  void byDefaultANoShowKeepsTheCreditsAsAForfeitWithoutAJournalEntry() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");
    List<JournalEntry> journalBefore = f.journal();

    NoShowResult result = noShow(f, "A1");

    assertThat(result).isEqualTo(new NoShowResult.Forfeited(AppointmentId.of("A1"), 2));
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
    assertThat(appointment(f, "A1").status()).isEqualTo(Appointment.Status.NO_SHOW);
    assertThat(appointment(f, "A1").cancelOutcome()).contains(Appointment.CancelOutcome.FORFEITED);
    Movement forfeit = f.history(PATIENT).get(f.history(PATIENT).size() - 1);
    assertThat(forfeit.kind()).isEqualTo(MovementKind.FORFEITED);
    assertThat(forfeit.credits()).isEqualTo(2);
    assertThat(forfeit.revenue()).isEqualTo(eur(0));
    assertThat(forfeit.reason()).isEqualTo("appointment A1 marked a no-show (no-show: credits kept)");
    assertThat(f.journal()).as("the spend recognised the revenue; a forfeit books nothing")
        .isEqualTo(journalBefore);
    assertThat(f.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, Fixtures.FAR_FUTURE))
        .containsEntry(LedgerAccount.of("8000"), eur(60));
  }

  @Test
  void underGiveCreditsBackANoShowGivesBackToExactlyTheLotsTakenFromAndReversesTheRevenue() {
    Fixtures lenient = with(NoShowPolicy.giveCreditsBack());
    CreditPackage pkg = setUp(lenient);
    LotId first = lenient.importCredits("I1", PATIENT, pkg.id(), 1, eur(30)).grant().lotId();
    lenient.clock.advance(Duration.ofMinutes(1));
    LotId second = lenient.importCredits("I2", PATIENT, pkg.id(), 5, eur(20)).grant().lotId();
    ScheduleResult.Covered spent = (ScheduleResult.Covered) lenient.schedule("A1", PATIENT, "T2");

    NoShowResult result = noShow(lenient, "A1");

    assertThat(result).isEqualTo(new NoShowResult.GivenBack(AppointmentId.of("A1"), 2, spent.allocations()));
    assertThat(spent.allocations()).extracting(Allocation::lotId).containsExactly(first, second);
    assertThat(lenient.lots(PATIENT)).extracting(Lot::creditsRemaining).containsExactly(1, 5);
    assertThat(lenient.pakketten.revenueByLedgerAccount(PRACTICE, Instant.EPOCH, Fixtures.FAR_FUTURE).values())
        .allSatisfy(revenue -> assertThat(revenue.isZero()).isTrue());
    assertThat(appointment(lenient, "A1").status()).isEqualTo(Appointment.Status.NO_SHOW);
  }

  @Test
  void aNoShowOfAnUnlinkedTypeHasNothingToGiveBack() {
    f.schedule("A1", PATIENT, "INTAKE");

    assertThat(noShow(f, "A1")).isEqualTo(new NoShowResult.NothingToGiveBack(AppointmentId.of("A1")));
    assertThat(f.history(PATIENT)).isEmpty();
  }

  @Test
  void aNoShowOfAnUncoveredAppointmentHasNothingToGiveBack() {
    Fixtures lenient = new Fixtures(InMemoryStorage.create(),
        Pakketten.builder().shortfallPolicy(ShortfallPolicy.allowUncovered())
            .noShowPolicy(NoShowPolicy.giveCreditsBack()));
    CreditPackage pkg = setUp(lenient);
    lenient.importCredits("I1", PATIENT, pkg.id(), 1, eur(30));
    lenient.schedule("A1", PATIENT, "T2");

    assertThat(noShow(lenient, "A1")).isInstanceOf(NoShowResult.NothingToGiveBack.class);
    assertThat(lenient.balance(PATIENT, pkg.id())).isEqualTo(1);
  }

  @Test
  void markingANoShowTwiceIsAReplayThatAnswersAsTheFirstAndChangesNothing() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");
    NoShowResult first = noShow(f, "A1");
    List<Movement> history = f.history(PATIENT);
    int events = f.events.size();

    NoShowResult again = f.pakketten.markNoShow(command("A1").reason("another reason").build());

    assertThat(first.replay()).isFalse();
    assertThat(again).isEqualTo(new NoShowResult.Forfeited(AppointmentId.of("A1"), 2, true));
    assertThat(f.history(PATIENT)).isEqualTo(history);
    assertThat(f.events).hasSize(events);
  }

  @Test
  void aCancelledAppointmentCannotBeMarkedANoShow() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");
    f.cancel("A1");

    assertThatThrownBy(() -> noShow(f, "A1"))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("A1"))
        .hasMessageContaining("cancelled");
    assertThat(appointment(f, "A1").status()).isEqualTo(Appointment.Status.CANCELLED);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(5);
  }

  @Test
  void aNoShowCannotBeCancelledSoItsCreditsCannotComeBackTwice() {
    Fixtures lenient = with(NoShowPolicy.giveCreditsBack());
    CreditPackage pkg = setUp(lenient);
    lenient.importCredits("I1", PATIENT, pkg.id(), 5, eur(30));
    lenient.schedule("A1", PATIENT, "T2");
    noShow(lenient, "A1");

    assertThatThrownBy(() -> lenient.cancel("A1")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("no show");
    assertThat(lenient.balance(PATIENT, pkg.id())).isEqualTo(5);
  }

  @Test
  void aNoShowCannotGetAnotherType() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");
    noShow(f, "A1");

    assertThatThrownBy(() -> f.changeType("A1", "T1")).isInstanceOf(ConflictException.class);
    assertThat(f.changeType("A1", "T2").replay()).as("the type it has: a replay").isTrue();
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void aScheduleReplayedAfterANoShowAnswersAsTheFirstTime() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    ScheduleResult first = f.schedule("A1", PATIENT, "T2");
    noShow(f, "A1");

    ScheduleResult replay = f.schedule("A1", PATIENT, "T2");

    assertThat(replay.replay()).isTrue();
    assertThat(((ScheduleResult.Covered) replay).allocations()).isEqualTo(((ScheduleResult.Covered) first).allocations());
  }

  @Test
  void anUnknownAppointmentIsNotFound() {
    assertThatThrownBy(() -> noShow(f, "NOPE"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind()).isEqualTo("appointment");
          assertThat(e.id()).isEqualTo("NOPE");
        });
  }

  @Test
  void aCommandWithoutPracticeActorOrAppointmentNamesEveryMissingField() {
    assertThatThrownBy(() -> f.pakketten.markNoShow(MarkNoShow.builder().build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactlyInAnyOrder("practice", "actor", "appointmentId"));
  }

  @Test
  void aReasonLongerThan500CharactersIsRefused() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");

    assertThatThrownBy(() -> f.pakketten.markNoShow(command("A1").reason("x".repeat(501)).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .singleElement().satisfies(v -> assertThat(v.field()).startsWith("reason")));
    assertThat(appointment(f, "A1").status()).isEqualTo(Appointment.Status.SCHEDULED);
  }

  @Test
  void anActorWithoutARoleMayNotMarkANoShow() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");

    assertThatThrownBy(() -> f.pakketten.markNoShow(command("A1").actor(Actor.of("nobody")).build()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(appointment(f, "A1").status()).isEqualTo(Appointment.Status.SCHEDULED);
    assertThat(f.balance(PATIENT, basis.id())).isEqualTo(3);
  }

  @Test
  void theHostHearsOfTheNoShowAndOfTheForfeitedCredits() {
    f.importCredits("I1", PATIENT, basis.id(), 5, eur(30));
    f.schedule("A1", PATIENT, "T2");
    int before = f.events.size();

    noShow(f, "A1");

    List<DomainEvent> events = f.events.subList(before, f.events.size());
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(CreditEvents.CreditsForfeited.class);
    assertThat(events.get(1)).isInstanceOfSatisfying(AppointmentChanged.class,
        e -> assertThat(e.appointment().status()).isEqualTo(Appointment.Status.NO_SHOW));
  }

  @Test
  void aHostsOwnNoShowPolicyDecidesOnTheFacts() {
    // Keep the credits only when the practice was told less than a day before: a rule of the host's.
    NoShowPolicy ownRule = (appointment, now) -> now.isBefore(appointment.start().plus(Duration.ofDays(1)))
        ? CreditsDecision.forfeit("no-show reported on the day")
        : CreditsDecision.giveBack();
    Fixtures own = with(ownRule);
    CreditPackage pkg = setUp(own);
    own.importCredits("I1", PATIENT, pkg.id(), 5, eur(30));
    for (String id : List.of("A1", "A2")) {
      own.pakketten.schedule(Fixtures.scheduleCommand(PRACTICE, id, PATIENT, "T1",
          own.clock.instant().plus(Duration.ofHours(1))));
    }

    assertThat(noShow(own, "A1")).isInstanceOf(NoShowResult.Forfeited.class);
    own.clock.advance(Duration.ofDays(2));
    assertThat(noShow(own, "A2")).isInstanceOf(NoShowResult.GivenBack.class);
    assertThat(own.balance(PATIENT, pkg.id())).isEqualTo(4);
  }
}
