package nl.pakketten.spi;

import java.util.Optional;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PracticeId;

/** Port: the appointments the SDK has seen, keyed by (practice, appointment id). */
public interface Appointments {
  /**
   * Reads an appointment without locking it.
   *
   * @param practice the practice it belongs to
   * @param id the host's appointment id
   * @return the appointment; empty when the SDK has not seen it in this practice
   */
  Optional<Appointment> find(PracticeId practice, AppointmentId id);

  /**
   * The appointment, held exclusively until the transaction ends.
   *
   * @param practice the practice it belongs to
   * @param id the host's appointment id
   * @return the locked appointment; empty when the SDK has not seen it in this practice
   */
  Optional<Appointment> lock(PracticeId practice, AppointmentId id);

  /**
   * Stores a new appointment. When a concurrent transaction stored the same id first, an adapter
   * throws {@link nl.pakketten.spi.TransientException}; the retry then finds it.
   *
   * @param appointment the appointment, new in its practice
   */
  void insert(Appointment appointment);

  /**
   * Replaces a stored appointment (cancelled, marked a no-show, its type changed), within the
   * transaction that locked it.
   *
   * @param appointment the new state of an appointment already stored
   */
  void update(Appointment appointment);
}
