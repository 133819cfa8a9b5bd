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
  /** {@return the appointment scheduled or changed} */
  AppointmentId appointmentId();

  /**
   * Whether this call was a replay.
   *
   * @return true when this call changed nothing and answers as the earlier call with the same key
   *     did
   */
  boolean replay();

  /**
   * The same answer, as a replay ({@code true}) or as the first call's ({@code false}).
   *
   * @param replay whether the copy answers a replay
   * @return the copy
   */
  ScheduleResult withReplay(boolean replay);

  /**
   * Credits were taken from these lots.
   *
   * @param appointmentId the appointment
   * @param packageId the package whose credits were spent
   * @param credits how many credits were spent: the type's credits per appointment
   * @param allocations the lots they came from, in spending order, with the revenue each recognised
   * @param replay whether this call was a replay
   */
  record Covered(AppointmentId appointmentId, PackageId packageId, int credits, List<Allocation> allocations,
      boolean replay) implements ScheduleResult {
    /**
     * The answer; the allocations are copied.
     *
     * @param appointmentId the appointment
     * @param packageId the package whose credits were spent
     * @param credits how many credits were spent
     * @param allocations the lots they came from
     * @param replay whether this call was a replay
     */
    public Covered {
      allocations = List.copyOf(allocations);
    }

    /**
     * The answer of a first call.
     *
     * @param appointmentId the appointment
     * @param packageId the package whose credits were spent
     * @param credits how many credits were spent
     * @param allocations the lots they came from
     */
    public Covered(AppointmentId appointmentId, PackageId packageId, int credits, List<Allocation> allocations) {
      this(appointmentId, packageId, credits, allocations, false);
    }

    @Override
    public Covered withReplay(boolean replay) {
      return new Covered(appointmentId, packageId, credits, allocations, replay);
    }
  }

  /**
   * The appointment's type is not linked to a package: the host bills it the normal way.
   *
   * @param appointmentId the appointment
   * @param typeId its type, not linked
   * @param replay whether this call was a replay
   */
  record NotCovered(AppointmentId appointmentId, AppointmentTypeId typeId, boolean replay)
      implements ScheduleResult {
    /**
     * The answer of a first call.
     *
     * @param appointmentId the appointment
     * @param typeId its type, not linked
     */
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
   *
   * @param appointmentId the appointment
   * @param packageId the package its type is linked to
   * @param cost the credits it would have cost
   * @param replay whether this call was a replay
   */
  record Uncovered(AppointmentId appointmentId, PackageId packageId, int cost, boolean replay)
      implements ScheduleResult {
    /**
     * The answer of a first call.
     *
     * @param appointmentId the appointment
     * @param packageId the package its type is linked to
     * @param cost the credits it would have cost
     */
    public Uncovered(AppointmentId appointmentId, PackageId packageId, int cost) {
      this(appointmentId, packageId, cost, false);
    }

    @Override
    public Uncovered withReplay(boolean replay) {
      return new Uncovered(appointmentId, packageId, cost, replay);
    }
  }

  /**
   * The answer (of a first call) that an appointment's current state stands for.
   *
   * @param appointment a stored appointment
   * @return the answer its coverage, package and allocations stand for
   */
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
