package nl.pakketten.internal.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.pakketten.access.Action;
import nl.pakketten.appointments.Appointment;
import nl.pakketten.appointments.AppointmentChanged;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.appointments.ScheduleResult;
import nl.pakketten.appointments.ShortfallPolicy;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeLink;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Appointments;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.SpendingOrder;
import nl.pakketten.wallet.Wallet;

/**
 * Use case: record a scheduled appointment. If its type is linked to a package, takes the type's
 * credits from the patient's lots of that package in the {@link SpendingOrder} (expired lots
 * skipped); with too few, the {@link ShortfallPolicy} decides. Idempotent on the appointment id.
 *
 * @param types where the appointment type is read
 * @param wallets where the credits are taken from
 * @param appointments where the appointment is stored
 * @param bookings books the credits taken
 * @param writes the path the command takes
 * @param shortfall decides what happens when the patient has too few credits
 * @param order the order lots are spent in
 * @param thresholds where a spend reads its package's low-balance threshold
 */
public record ScheduleAppointmentHandler(AppointmentTypes types, Wallets wallets, Appointments appointments,
    Bookings bookings, WritePath writes, ShortfallPolicy shortfall, SpendingOrder order,
    LowBalanceThresholds thresholds) {
  /**
   * Schedules the appointment. A replay answers as the first call did, whatever happened to the
   * appointment since, marked a replay; the same id with another patient, type or start is a
   * conflict.
   */
  public ScheduleResult handle(ScheduleAppointment command) {
    return writes.check(command)
        .rules(check -> check.requireSupported("start", command.start()))
        .access(command.actor(), Action.SCHEDULE_APPOINTMENTS)
        .run("schedule", command.practice(), command.appointmentId(), answer -> answer.withReplay(false), events -> {
          PracticeId practice = command.practice();
          Optional<Appointment> earlier = appointments.find(practice, command.appointmentId());
          if (earlier.isPresent()) {
            return replay(earlier.get(), command);
          }
          AppointmentType type = AppointmentSteps.requireType(types, practice, command.typeId());
          Optional<Integer> threshold = thresholds.of(practice, type.link());
          Appointment.Builder draft = ValueBuilders.appointment()
              .practice(practice)
              .id(command.appointmentId())
              .patient(command.patient())
              .typeId(type.id())
              .scheduledTypeId(type.id())
              .start(command.start())
              .status(Appointment.Status.SCHEDULED)
              .changedBy(command.actor().userId())
              .changedAt(bookings.now());
          Appointment appointment;
          if (type.link().isEmpty()) {
            appointment = draft.coverage(Appointment.Coverage.NOT_LINKED).cost(0).build();
          } else {
            AppointmentTypeLink link = type.link().get();
            // A concurrent call with the same id may commit while this one waits for the wallet: then
            // storing the appointment fails on its unique key (TransientException) and the retry
            // answers as a replay. Not looking again here saves a round trip on every spend.
            Wallet wallet = wallets.lock(practice, command.patient(), link.packageId());
            Map<PackageId, Wallet> locked = new TreeMap<>(Map.of(link.packageId(), wallet));
            appointment = new Covering(bookings, shortfall, order, threshold).cover(draft, command.appointmentId(), link,
                locked, command.actor().userId(), events);
            AppointmentSteps.saveChanged(wallets, Map.of(link.packageId(), wallet), locked);
          }
          ScheduleResult answer = ScheduleResult.of(appointment);
          appointment = appointment.withScheduleAnswer(answer);
          appointments.insert(appointment);
          events.add(new AppointmentChanged(practice, appointment.changedAt(), command.actor().userId(),
              appointment));
          return answer;
        });
  }

  private static ScheduleResult replay(Appointment earlier, ScheduleAppointment command) {
    List<String> differences = new ArrayList<>();
    if (!earlier.patient().equals(command.patient())) {
      differences.add("patient");
    }
    if (!earlier.scheduledTypeId().equals(command.typeId())) {
      differences.add("appointment type");
    }
    if (!earlier.start().equals(command.start())) {
      differences.add("start");
    }
    if (!differences.isEmpty()) {
      throw new ConflictException(earlier.id().value(),
          "this appointment was already scheduled with another " + String.join(" and ", differences));
    }
    return earlier.scheduleAnswer().orElseGet(() -> ScheduleResult.of(earlier)).withReplay(true);
  }
}
