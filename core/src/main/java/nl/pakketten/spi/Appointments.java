package nl.pakketten.spi;

import java.util.Optional;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PracticeId;

/** Port: the appointments the SDK has seen, keyed by (practice, appointment id). */
public interface Appointments {
  Optional<Appointment> find(PracticeId practice, AppointmentId id);

  /** The appointment, held exclusively until the transaction ends. */
  Optional<Appointment> lock(PracticeId practice, AppointmentId id);

  /**
   * Stores a new appointment. When a concurrent transaction stored the same id first, an adapter
   * throws {@link nl.pakketten.spi.TransientException}; the retry then finds it.
   */
  void insert(Appointment appointment);

  void update(Appointment appointment);
}
