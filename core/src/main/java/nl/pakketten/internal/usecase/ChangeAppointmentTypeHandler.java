package nl.pakketten.internal.usecase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.pakketten.access.Action;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.AppointmentChanged;
import nl.pakketten.appointments.ChangeAppointmentType;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.SpendingOrder;
import nl.pakketten.wallet.Wallet;

/**
 * Use case: give an appointment another type and re-evaluate its credits in one step: the old
 * credits go back to their lots, the new type's are taken (in the {@link SpendingOrder}, or as the
 * {@link ShortfallPolicy} decides).
 *
 * @param types where the new appointment type is read
 * @param wallets where credits go back to and are taken from
 * @param appointments where the appointment is kept
 * @param bookings books the credits moved
 * @param writes the path the command takes
 * @param shortfall decides what happens when the patient has too few credits for the new type
 * @param order the order lots are spent in
 * @param thresholds where a spend reads its package's low-balance threshold
 */
public record ChangeAppointmentTypeHandler(AppointmentTypes types, Wallets wallets, Appointments appointments,
    Bookings bookings, WritePath writes, ShortfallPolicy shortfall, SpendingOrder order,
    LowBalanceThresholds thresholds) {
  /**
   * Changes the type. Setting the type it already has is a replay of the call that gave it that
   * type (the schedule, or the last change): it changes nothing and answers as that call did, marked
   * a replay — also after a cancellation, since a cancellation does not change what covered the
   * appointment. Another type for a cancelled or no-show appointment is a conflict. A change is keyed
   * by the type it sets, so after A→B→A a change to B again is a real change.
   */
  public ScheduleResult handle(ChangeAppointmentType command) {
    return writes.check(command).access(command.actor(), Action.SCHEDULE_APPOINTMENTS)
        .run("changeType", command.practice(), command.appointmentId(), answer -> answer.withReplay(false),
            events -> {
              PracticeId practice = command.practice();
              Appointment appointment = AppointmentSteps.lock(appointments, practice, command.appointmentId());
              if (appointment.typeId().equals(command.typeId())) {
                return ScheduleResult.of(appointment).withReplay(true);
              }
              AppointmentSteps.requireScheduled(appointment, "given another type");
              AppointmentType type = AppointmentSteps.requireType(types, practice, command.typeId());
              Optional<Integer> threshold = thresholds.of(practice, type.link());
              UserId actor = command.actor().userId();
              // Lock every wallet involved in package-id order, so two commands cannot deadlock on them.
              Map<PackageId, Wallet> locked = new TreeMap<>();
              appointment.packageId().filter(p -> appointment.coverage() == Appointment.Coverage.COVERED)
                  .ifPresent(p -> locked.put(p, null));
              type.link().ifPresent(l -> locked.put(l.packageId(), null));
              locked.replaceAll((p, w) -> wallets.lock(practice, appointment.patient(), p));
              Map<PackageId, Wallet> before = Map.copyOf(locked);
              new GivingBack(wallets, bookings).giveBack(appointment, locked, actor,
                  "type of appointment " + appointment.id() + " changed to " + type.id(), events);
              Appointment.Builder draft = ValueBuilders.appointment()
                  .from(appointment)
                  .typeId(type.id())
                  .allocations(List.of())
                  .packageId(Optional.empty())
                  .changedBy(actor)
                  .changedAt(bookings.now());
              Appointment changed = type.link().isEmpty()
                  ? draft.coverage(Appointment.Coverage.NOT_LINKED).cost(0).build()
                  : new Covering(bookings, shortfall, order, threshold).cover(draft, appointment.id(), type.link().get(),
                      locked, actor, events);
              AppointmentSteps.saveChanged(wallets, before, locked);
              appointments.update(changed);
              events.add(new AppointmentChanged(practice, changed.changedAt(), actor, changed));
              return ScheduleResult.of(changed);
            });
  }
}
