package nl.pakketten.appointments;

import java.util.List;
import nl.pakketten.common.Answer;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.wallet.Allocation;

/**
 * What a cancellation did with the appointment's credits. A replay answers the same, with {@link
 * #replay()} true.
 */
public sealed interface CancelResult extends Answer {
  /** {@return the cancelled appointment} */
  AppointmentId appointmentId();

  /**
   * Whether this call was a replay.
   *
   * @return true when the appointment was cancelled before: this call changed nothing and answers
   *     as the first
   */
  boolean replay();

  /**
   * The same answer, as a replay ({@code true}) or as the first call's ({@code false}).
   *
   * @param replay whether the copy answers a replay
   * @return the copy
   */
  CancelResult withReplay(boolean replay);

  /**
   * The credits went back to exactly the lots they came from.
   *
   * @param appointmentId the cancelled appointment
   * @param credits how many credits went back
   * @param allocations the lots they went back to, and the revenue reversed on each
   * @param replay whether this call was a replay
   */
  record GivenBack(AppointmentId appointmentId, int credits, List<Allocation> allocations, boolean replay)
      implements CancelResult {
    /**
     * The answer; the allocations are copied.
     *
     * @param appointmentId the cancelled appointment
     * @param credits how many credits went back
     * @param allocations the lots they went back to
     * @param replay whether this call was a replay
     */
    public GivenBack {
      allocations = List.copyOf(allocations);
    }

    /**
     * The answer of a first call.
     *
     * @param appointmentId the cancelled appointment
     * @param credits how many credits went back
     * @param allocations the lots they went back to
     */
    public GivenBack(AppointmentId appointmentId, int credits, List<Allocation> allocations) {
      this(appointmentId, credits, allocations, false);
    }

    @Override
    public GivenBack withReplay(boolean replay) {
      return new GivenBack(appointmentId, credits, allocations, replay);
    }
  }

  /**
   * The cancellation was late: the late-cancellation policy kept the credits.
   *
   * @param appointmentId the cancelled appointment
   * @param credits how many credits were kept
   * @param replay whether this call was a replay
   */
  record Forfeited(AppointmentId appointmentId, int credits, boolean replay) implements CancelResult {
    /**
     * The answer of a first call.
     *
     * @param appointmentId the cancelled appointment
     * @param credits how many credits were kept
     */
    public Forfeited(AppointmentId appointmentId, int credits) {
      this(appointmentId, credits, false);
    }

    @Override
    public Forfeited withReplay(boolean replay) {
      return new Forfeited(appointmentId, credits, replay);
    }
  }

  /**
   * The appointment took no credits (its type was not linked, or it was not covered).
   *
   * @param appointmentId the cancelled appointment
   * @param replay whether this call was a replay
   */
  record NothingToGiveBack(AppointmentId appointmentId, boolean replay) implements CancelResult {
    /**
     * The answer of a first call.
     *
     * @param appointmentId the cancelled appointment
     */
    public NothingToGiveBack(AppointmentId appointmentId) {
      this(appointmentId, false);
    }

    @Override
    public NothingToGiveBack withReplay(boolean replay) {
      return new NothingToGiveBack(appointmentId, replay);
    }
  }

  /**
   * The answer (of a first call) a cancelled appointment stands for. Nothing changes a cancelled
   * appointment's credits, so its state stays the first cancellation's.
   *
   * @param appointment a cancelled appointment
   * @return the answer of its first cancellation
   * @throws java.util.NoSuchElementException when the appointment is still scheduled
   */
  static CancelResult of(Appointment appointment) {
    return switch (appointment.cancelOutcome().orElseThrow()) {
      case GIVEN_BACK -> new GivenBack(appointment.id(), appointment.creditsTaken(), appointment.allocations());
      case FORFEITED -> new Forfeited(appointment.id(), appointment.creditsTaken());
      case NOTHING_TO_GIVE_BACK -> new NothingToGiveBack(appointment.id());
    };
  }
}
