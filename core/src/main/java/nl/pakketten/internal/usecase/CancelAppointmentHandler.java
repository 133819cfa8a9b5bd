package nl.pakketten.internal.usecase;

import nl.pakketten.access.Action;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.CancelAppointment;
import nl.pakketten.appointments.CancelResult;
import nl.pakketten.appointments.LateCancellationPolicy;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.Wallets;

/**
 * Use case: cancel an appointment. Its credits go back to exactly the lots they came from, unless
 * the {@link LateCancellationPolicy} decides to keep them (recorded as forfeited). Idempotent; an
 * appointment marked a no-show cannot be cancelled.
 *
 * @param wallets where the credits go back to
 * @param appointments where the appointment is kept
 * @param bookings books what happens to the credits
 * @param writes the path the command takes
 * @param lateCancellation decides whether a cancellation keeps the credits
 */
public record CancelAppointmentHandler(Wallets wallets, Appointments appointments, Bookings bookings,
    WritePath writes, LateCancellationPolicy lateCancellation) {
  /** Cancels the appointment; a second cancellation answers as the first, marked a replay. */
  public CancelResult handle(CancelAppointment command) {
    return writes.check(command).access(command.actor(), Action.SCHEDULE_APPOINTMENTS)
        .run("cancel", command.practice(), command.appointmentId(), answer -> answer.withReplay(false), events -> {
          AppointmentEnding.Ended ended = ending().end(command.practice(), command.appointmentId(),
              command.reason(), command.actor().userId(), events);
          return CancelResult.of(ended.appointment()).withReplay(ended.replay());
        });
  }

  private AppointmentEnding ending() {
    return new AppointmentEnding(wallets, appointments, bookings, Appointment.Status.CANCELLED, "cancelled",
        lateCancellation::decide);
  }
}
