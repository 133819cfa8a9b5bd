package nl.pakketten.internal.usecase;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.InsufficientCreditsException;
import nl.pakketten.appointments.Shortfall;
import nl.pakketten.appointments.ShortfallDecision;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.catalog.AppointmentTypeLink;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.UserId;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.SpendingOrder;
import nl.pakketten.wallet.Wallet;

/**
 * Takes the credits an appointment of a linked type costs from the patient's locked wallet, in the
 * {@link SpendingOrder}; with too few, carries out what the {@link ShortfallPolicy} decides.
 * Shared by scheduling and by changing an appointment's type. A spend that leaves the wallet's
 * balance at or below the package's low-balance threshold raises {@link CreditEvents.CreditsLow}.
 */
record Covering(Bookings bookings, ShortfallPolicy shortfall, SpendingOrder order,
    Optional<Integer> lowBalanceThreshold) {
  /**
   * The appointment {@code draft} covered by the link's credits from the wallet in {@code locked}
   * (which then holds the wallet after), or uncovered as the shortfall policy allows.
   */
  Appointment cover(Appointment.Builder draft, AppointmentId id, AppointmentTypeLink link,
      Map<PackageId, Wallet> locked, UserId actor, List<DomainEvent> events) {
    Wallet wallet = locked.get(link.packageId());
    int cost = link.creditsPerAppointment();
    draft.packageId(link.packageId()).cost(cost);
    Optional<Wallet.Taking> taking = wallet.take(cost, bookings.today(), order);
    if (taking.isEmpty()) {
      int spendable = wallet.spendableOn(bookings.today());
      ShortfallDecision decision = Objects.requireNonNull(shortfall.decide(new Shortfall(id,
          wallet.patient(), link.packageId(), cost, spendable)), "the shortfall policy's decision");
      if (decision instanceof ShortfallDecision.Reject) {
        throw new InsufficientCreditsException(wallet.patient(), link.packageId(), spendable, cost);
      }
      return draft.coverage(Appointment.Coverage.UNCOVERED).build();
    }
    Appointment appointment = draft.coverage(Appointment.Coverage.COVERED)
        .allocations(taking.get().allocations()).build();
    Wallet after = taking.get().after();
    List<Allocation> allocations = taking.get().allocations();
    for (int i = 0; i < allocations.size(); i++) {
      Allocation allocation = allocations.get(i);
      Lot lot = taking.get().lotsTaken().get(i);
      bookings.book(events, lot, MovementKind.SPENT, allocation.credits(), allocation.revenue(), actor,
          "appointment " + appointment.id() + " of type " + appointment.typeId() + " scheduled",
          AppointmentSteps.sourceKey(appointment));
    }
    locked.put(link.packageId(), after);
    lowBalanceThreshold.filter(threshold -> after.balance() <= threshold)
        .ifPresent(threshold -> events.add(new CreditEvents.CreditsLow(after.practice(), bookings.now(), actor,
            after.patient(), after.packageId(), after.balance(), threshold)));
    return appointment;
  }
}
