package nl.pakketten.appointments;

import java.time.Instant;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;

/**
 * An appointment was scheduled, cancelled, changed or marked a no-show: its state after. The
 * credits it moved are told by the {@code CreditEvents} of the same command.
 *
 * @param practice the appointment's practice
 * @param at when the change was stored
 * @param actor who changed it
 * @param appointment the appointment as it is after the change
 */
public record AppointmentChanged(PracticeId practice, Instant at, UserId actor, Appointment appointment)
    implements DomainEvent {}
