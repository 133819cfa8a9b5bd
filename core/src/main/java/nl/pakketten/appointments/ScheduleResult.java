package nl.pakketten.appointments;

import java.util.List;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.Answer;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.wallet.Allocation;

/**
 * Whether a package covers an appointment: the answer to scheduling it or changing its type.
 *
 * <p>A replay answers as the first call did, whatever happened to the appointment since, with
 * {@link #replay()} true: a replayed schedule answers what the schedule answered then (even after
 * a type change or a cancellation), a replayed type change what that change answered.
 */
public sealed interface ScheduleResult extends Answer {
  AppointmentId appointmentId();

  /** True when this call changed nothing and answers as the earlier call with the same key did. */
  boolean replay();

  /** The same answer, as a replay ({@code true}) or as the first call's ({@code false}). */
  ScheduleResult withReplay(boolean replay);

  /** Credits were taken from these lots. */
  record Covered(AppointmentId appointmentId, PackageId packageId, int credits, List<Allocation> allocations,
      boolean replay) implements ScheduleResult {
    public Covered {
      allocations = List.copyOf(allocations);
    }

    /** The answer of a first call. */
    public Covered(AppointmentId appointmentId, PackageId packageId, int credits, List<Allocation> allocations) {
      this(appointmentId, packageId, credits, allocations, false);
    }

    @Override
    public Covered withReplay(boolean replay) {
      return new Covered(appointmentId, packageId, credits, allocations, replay);
    }
  }

  /** The appointment's type is not linked to a package: the host bills it the normal way. */
  record NotCovered(AppointmentId appointmentId, AppointmentTypeId typeId, boolean replay)
      implements ScheduleResult {
    /** The answer of a first call. */
    public NotCovered(AppointmentId appointmentId, AppointmentTypeId typeId) {
      this(appointmentId, typeId, false);
    }

    @Override
    public NotCovered withReplay(boolean replay) {
      return new NotCovered(appointmentId, typeId, replay);
    }
  }

  /**
   * The type is linked, but the patient had fewer than {@code cost} spendable credits and the
   * shortfall policy allowed it uncovered: no credits were taken; the host bills it the normal way.
   */
  record Uncovered(AppointmentId appointmentId, PackageId packageId, int cost, boolean replay)
      implements ScheduleResult {
    /** The answer of a first call. */
    public Uncovered(AppointmentId appointmentId, PackageId packageId, int cost) {
      this(appointmentId, packageId, cost, false);
    }

    @Override
    public Uncovered withReplay(boolean replay) {
      return new Uncovered(appointmentId, packageId, cost, replay);
    }
  }

  /** The answer (of a first call) that an appointment's current state stands for. */
  static ScheduleResult of(Appointment appointment) {
    return switch (appointment.coverage()) {
      case COVERED -> new Covered(appointment.id(), appointment.packageId().orElseThrow(),
          appointment.creditsTaken(), appointment.allocations());
      case NOT_LINKED -> new NotCovered(appointment.id(), appointment.typeId());
      case UNCOVERED -> new Uncovered(appointment.id(), appointment.packageId().orElseThrow(),
          appointment.cost());
    };
  }
}
