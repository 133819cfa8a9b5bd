package nl.pakketten.internal.usecase;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.Wallet;

/** Small steps the appointment handlers share: finding what they act on, and saving what they changed. */
final class AppointmentSteps {
  private AppointmentSteps() {}

  /** The appointment, locked for this transaction, or {@link NotFoundException}. */
  static Appointment lock(Appointments appointments, PracticeId practice, AppointmentId id) {
    return appointments.lock(practice, id).orElseThrow(() -> new NotFoundException("appointment", id, practice));
  }

  /** The appointment type, or {@link NotFoundException}. */
  static AppointmentType requireType(AppointmentTypes types, PracticeId practice, AppointmentTypeId id) {
    return types.find(practice, id).orElseThrow(() -> new NotFoundException("appointment type", id, practice));
  }

  /** Throws {@link ConflictException} unless the appointment is scheduled; {@code what} would have been done to it. */
  static void requireScheduled(Appointment appointment, String what) {
    if (appointment.status() != Appointment.Status.SCHEDULED) {
      throw new ConflictException(appointment.id().value(), "an appointment that is "
          + appointment.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " cannot be " + what);
    }
  }

  /** Saves the wallets that differ from how they were locked; an untouched (or empty) wallet is not written. */
  static void saveChanged(Wallets wallets, Map<PackageId, Wallet> before, Map<PackageId, Wallet> after) {
    after.forEach((packageId, wallet) -> {
      if (!wallet.equals(before.get(packageId))) {
        wallets.save(wallet);
      }
    });
  }

  /** The lots an appointment's credits came from. */
  static List<LotId> lotIds(Appointment appointment) {
    return appointment.allocations().stream().map(Allocation::lotId).toList();
  }

  /** The source key of every movement an appointment causes. */
  static String sourceKey(Appointment appointment) {
    return "appointment:" + appointment.id();
  }
}
