package nl.pakketten.internal.usecase;

import java.util.Optional;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.spi.Appointments;

/**
 * Reads of appointments as the SDK recorded them.
 *
 * @param appointments the appointments read
 * @param tx runs each read in a read transaction
 */
public record AppointmentReads(Appointments appointments, TransactionRunner tx) {
  /** The appointment as the SDK recorded it, if it exists in the practice. */
  public Optional<Appointment> findAppointment(PracticeId practice, AppointmentId id) {
    return tx.read("appointment", practice, () -> appointments.find(practice, id));
  }
}
