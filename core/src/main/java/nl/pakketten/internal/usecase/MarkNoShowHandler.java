package nl.pakketten.internal.usecase;

import nl.pakketten.access.Action;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.MarkNoShow;
import nl.pakketten.appointments.NoShowPolicy;
import nl.pakketten.appointments.NoShowResult;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.Wallets;

/**
 * Use case: mark a scheduled appointment a no-show, the patient did not come. The {@link
 * NoShowPolicy} decides whether its credits stay spent (recorded as forfeited) or go back to
 * exactly the lots they came from. Idempotent; a cancelled appointment cannot be marked a no-show.
 *
 * @param wallets where the credits go back to
 * @param appointments where the appointment is kept
 * @param bookings books what happens to the credits
 * @param writes the path the command takes
 * @param noShow decides whether a no-show keeps the credits
 */
public record MarkNoShowHandler(Wallets wallets, Appointments appointments, Bookings bookings, WritePath writes,
    NoShowPolicy noShow) {
  /** Marks the appointment a no-show; marking it again answers as the first call, marked a replay. */
  public NoShowResult handle(MarkNoShow command) {
    return writes.check(command).access(command.actor(), Action.SCHEDULE_APPOINTMENTS)
        .run("markNoShow", command.practice(), command.appointmentId(), answer -> answer.withReplay(false),
            events -> {
              AppointmentEnding.Ended ended = ending().end(command.practice(), command.appointmentId(),
                  command.reason(), command.actor().userId(), events);
              return NoShowResult.of(ended.appointment(), ended.replay());
            });
  }

  private AppointmentEnding ending() {
    return new AppointmentEnding(wallets, appointments, bookings, Appointment.Status.NO_SHOW, "marked a no-show",
        noShow::decide);
  }
}
