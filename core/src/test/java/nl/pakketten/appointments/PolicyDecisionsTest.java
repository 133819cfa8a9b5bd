package nl.pakketten.appointments;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.UserId;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.wallet.Allocation;
import org.junit.jupiter.api.Test;

/** Each built-in policy, asked directly: the facts in, the decision out. */
class PolicyDecisionsTest {
  private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
  private static final Shortfall SHORT_BY_ONE =
      new Shortfall(AppointmentId.of("A1"), PATIENT, PackageId.of("pk-1"), 2, 1);

  private static Appointment covered() {
    return ValueBuilders.appointment().practice(PRACTICE).id(AppointmentId.of("A1")).patient(PATIENT)
        .typeId(AppointmentTypeId.of("T1")).scheduledTypeId(AppointmentTypeId.of("T1")).start(START)
        .status(Appointment.Status.SCHEDULED).coverage(Appointment.Coverage.COVERED)
        .packageId(PackageId.of("pk-1")).cost(1)
        .addAllocations(new Allocation(LotId.of("lot-1"), 1, nl.pakketten.testing.Fixtures.eur(30)))
        .changedBy(UserId.of("reception-1")).changedAt(START.minus(Duration.ofDays(7))).build();
  }

  @Test
  void rejectDecidesToRejectAShortfall() {
    assertThat(ShortfallPolicy.reject().decide(SHORT_BY_ONE)).isEqualTo(new ShortfallDecision.Reject());
    assertThat(ShortfallPolicy.REJECT).isSameAs(ShortfallPolicy.reject());
  }

  @Test
  void allowUncoveredDecidesToRecordTheAppointmentUncovered() {
    assertThat(ShortfallPolicy.allowUncovered().decide(SHORT_BY_ONE))
        .isEqualTo(new ShortfallDecision.RecordUncovered());
    assertThat(ShortfallPolicy.ALLOW_UNCOVERED).isSameAs(ShortfallPolicy.allowUncovered());
  }

  @Test
  void withoutALateCancellationPolicyEvenACancellationAfterTheStartGivesBack() {
    assertThat(LateCancellationPolicy.none().decide(covered(), START.plus(Duration.ofHours(1))))
        .isEqualTo(CreditsDecision.giveBack());
  }

  @Test
  void aCancellationBeforeTheWindowGivesBack() {
    LateCancellationPolicy policy = LateCancellationPolicy.keepCreditsWithin(Duration.ofHours(24));

    assertThat(policy.decide(covered(), START.minus(Duration.ofHours(24)).minusNanos(1)))
        .isEqualTo(CreditsDecision.giveBack());
  }

  @Test
  void aCancellationFromTheStartOfTheWindowOnForfeitsNamingThePolicy() {
    LateCancellationPolicy policy = LateCancellationPolicy.keepCreditsWithin(Duration.ofHours(24));

    assertThat(policy.decide(covered(), START.minus(Duration.ofHours(24))))
        .isEqualTo(CreditsDecision.forfeit("late: credits kept within PT24H of the start"));
    assertThat(policy.decide(covered(), START.plus(Duration.ofHours(2))))
        .isInstanceOf(CreditsDecision.Forfeit.class);
  }

  @Test
  void aLateCancellationWindowMustBePositive() {
    assertThatThrownBy(() -> LateCancellationPolicy.keepCreditsWithin(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> LateCancellationPolicy.keepCreditsWithin(Duration.ofHours(-1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void keepCreditsDecidesThatANoShowForfeits() {
    assertThat(NoShowPolicy.keepCredits().decide(covered(), START.plus(Duration.ofHours(1))))
        .isEqualTo(CreditsDecision.forfeit("no-show: credits kept"));
  }

  @Test
  void giveCreditsBackDecidesThatANoShowGivesBack() {
    assertThat(NoShowPolicy.giveCreditsBack().decide(covered(), START.plus(Duration.ofHours(1))))
        .isEqualTo(CreditsDecision.giveBack());
  }

  @Test
  void aForfeitNeedsAReason() {
    assertThatThrownBy(() -> CreditsDecision.forfeit(null)).isInstanceOf(NullPointerException.class);
  }
}
