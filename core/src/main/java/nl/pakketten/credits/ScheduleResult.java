package nl.pakketten.credits;

import java.util.List;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;

/** Whether a package covers an appointment. A replay answers the same as the first call. */
public sealed interface ScheduleResult {
  AppointmentId appointmentId();

  /** Credits were taken from these lots. */
  record Covered(AppointmentId appointmentId, PackageId packageId, int credits, List<Allocation> allocations)
      implements ScheduleResult {
    public Covered {
      allocations = List.copyOf(allocations);
    }
  }

  /** The appointment's type is not linked to a package: the host bills it the normal way. */
  record NotCovered(AppointmentId appointmentId, AppointmentTypeId typeId) implements ScheduleResult {}

  /**
   * The type is linked, but the patient had fewer than {@code cost} spendable credits and the
   * shortfall policy allowed it uncovered: no credits were taken; the host bills it the normal way.
   */
  record Uncovered(AppointmentId appointmentId, PackageId packageId, int cost) implements ScheduleResult {}

  /** The result an appointment's stored state stands for. */
  static ScheduleResult of(Appointment appointment) {
    return switch (appointment.getCoverage()) {
      case COVERED -> new Covered(appointment.getId(), appointment.getPackageId().orElseThrow(),
          appointment.creditsTaken(), appointment.getAllocations());
      case NOT_LINKED -> new NotCovered(appointment.getId(), appointment.getTypeId());
      case UNCOVERED -> new Uncovered(appointment.getId(), appointment.getPackageId().orElseThrow(),
          appointment.getCost());
    };
  }
}
