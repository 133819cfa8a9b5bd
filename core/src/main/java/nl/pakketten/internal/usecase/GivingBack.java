package nl.pakketten.internal.usecase;

import java.util.List;
import java.util.Map;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.UserId;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Wallet;

/**
 * Gives a covered appointment's credits back to exactly the lots they came from, reversing the
 * revenue their spending recognised. Shared by ending an appointment and by changing its type.
 */
record GivingBack(Wallets wallets, Bookings bookings) {
  /**
   * Gives a covered appointment's allocations back to their lots in the locked wallets (locking the
   * wallet first if {@code locked} does not hold it yet); does nothing for an appointment that took
   * no credits.
   */
  void giveBack(Appointment appointment, Map<PackageId, Wallet> locked, UserId actor, String reason,
      List<DomainEvent> events) {
    if (appointment.coverage() != Appointment.Coverage.COVERED) {
      return;
    }
    PackageId packageId = appointment.packageId().orElseThrow();
    // A lot the credits came from may have been used up since, so it is not among the locked
    // wallet's open lots: load exactly the appointment's lots.
    Wallet wallet = wallets.withLots(locked.computeIfAbsent(packageId,
        p -> wallets.lock(appointment.practice(), appointment.patient(), p)), AppointmentSteps.lotIds(appointment));
    for (Allocation allocation : appointment.allocations()) {
      wallet = wallet.giveBack(allocation);
      bookings.book(events, wallet.lot(allocation.lotId()).orElseThrow(), MovementKind.GIVEN_BACK,
          allocation.credits(), allocation.revenue(), actor, reason, AppointmentSteps.sourceKey(appointment));
    }
    locked.put(packageId, wallet);
  }
}
