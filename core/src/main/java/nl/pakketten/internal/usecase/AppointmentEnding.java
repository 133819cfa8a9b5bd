package nl.pakketten.internal.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.AppointmentChanged;
import nl.pakketten.appointments.CreditsDecision;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Wallet;

/**
 * Ends a scheduled appointment with one status (cancelled, no-show) and carries out what a policy
 * decided for a covered appointment's credits: give them back, or keep them spent (forfeited).
 * Which rule made the decision is the policy's business; a new way to end an appointment is a
 * status, a policy and a handler that uses one of these.
 *
 * @param status the status an ended appointment gets
 * @param done what happens to the appointment ("cancelled"), for refusals and the history's default
 *     reason
 * @param policy decides what happens to a covered appointment's credits
 */
record AppointmentEnding(Wallets wallets, Appointments appointments, Bookings bookings, Appointment.Status status,
    String done, BiFunction<Appointment, Instant, CreditsDecision> policy) {
  /** The appointment as it was ended, and whether this call was a replay of the one that ended it. */
  record Ended(Appointment appointment, boolean replay) {}

  /**
   * Ends the appointment; one that already has the status answers as a replay, one in another end
   * state is a conflict. {@code reason} (stripped, if not blank) goes into the history.
   */
  Ended end(PracticeId practice, AppointmentId id, Optional<String> reason, UserId actor, List<DomainEvent> events) {
    Appointment appointment = AppointmentSteps.lock(appointments, practice, id);
    if (appointment.status() == status) {
      return new Ended(appointment, true);
    }
    AppointmentSteps.requireScheduled(appointment, done);
    String why = reason.map(String::strip).filter(r -> !r.isEmpty())
        .orElse("appointment " + appointment.id() + " " + done);
    Appointment.CancelOutcome outcome;
    if (appointment.coverage() != Appointment.Coverage.COVERED) {
      outcome = Appointment.CancelOutcome.NOTHING_TO_GIVE_BACK;
    } else {
      CreditsDecision decision = Objects.requireNonNull(policy.apply(appointment, bookings.now()),
          "the policy's decision");
      if (decision instanceof CreditsDecision.Forfeit forfeit) {
        outcome = Appointment.CancelOutcome.FORFEITED;
        forfeit(appointment, actor, why + " (" + forfeit.reason() + ")", events);
      } else {
        outcome = Appointment.CancelOutcome.GIVEN_BACK;
        Map<PackageId, Wallet> locked = new TreeMap<>();
        new GivingBack(wallets, bookings).giveBack(appointment, locked, actor, why, events);
        AppointmentSteps.saveChanged(wallets, Map.of(), locked);
      }
    }
    // One build, not with* steps: the status and its outcome only make sense together.
    Appointment ended = ValueBuilders.appointment().from(appointment).status(status).cancelOutcome(outcome)
        .changedBy(actor).changedAt(bookings.now()).build();
    appointments.update(ended);
    events.add(new AppointmentChanged(ended.practice(), ended.changedAt(), actor, ended));
    return new Ended(ended, false);
  }

  /**
   * Records that a covered appointment's credits stay spent: a FORFEITED movement per lot, no
   * journal entry (its spend recognised the revenue).
   */
  private void forfeit(Appointment appointment, UserId actor, String reason, List<DomainEvent> events) {
    // The lots only name the accounts here; the credits stay taken, so nothing is saved.
    List<LotId> lotIds = AppointmentSteps.lotIds(appointment);
    Wallet wallet = wallets.withLots(
        wallets.lock(appointment.practice(), appointment.patient(), appointment.packageId().orElseThrow()), lotIds);
    for (Allocation allocation : appointment.allocations()) {
      Lot lot = wallet.lot(allocation.lotId()).orElseThrow();
      bookings.book(events, lot, MovementKind.FORFEITED, allocation.credits(), allocation.revenue(), actor,
          reason, AppointmentSteps.sourceKey(appointment));
    }
  }
}
