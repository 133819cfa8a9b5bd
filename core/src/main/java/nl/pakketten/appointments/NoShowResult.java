package nl.pakketten.appointments;

import java.util.List;
import nl.pakketten.common.Answer;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.wallet.Allocation;

/**
 * What marking an appointment a no-show did with its credits. A replay answers the same, with
 * {@link #replay()} true.
 */
public sealed interface NoShowResult extends Answer {
  /** {@return the appointment marked a no-show} */
  AppointmentId appointmentId();

  /**
   * Whether this call was a replay.
   *
   * @return true when the appointment was marked a no-show before: this call changed nothing and
   *     answers as the first
   */
  boolean replay();

  /**
   * The same answer, as a replay ({@code true}) or as the first call's ({@code false}).
   *
   * @param replay whether the copy answers a replay
   * @return the copy
   */
  NoShowResult withReplay(boolean replay);

  /**
   * The no-show policy kept the credits: they stay spent, recorded as forfeited.
   *
   * @param appointmentId the appointment
   * @param credits how many credits were kept
   * @param replay whether this call was a replay
   */
  record Forfeited(AppointmentId appointmentId, int credits, boolean replay) implements NoShowResult {
    /**
     * The answer of a first call.
     *
     * @param appointmentId the appointment
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
   * The no-show policy gave the credits back to exactly the lots they came from.
   *
   * @param appointmentId the appointment
   * @param credits how many credits went back
   * @param allocations the lots they went back to, and the revenue reversed on each
   * @param replay whether this call was a replay
   */
  record GivenBack(AppointmentId appointmentId, int credits, List<Allocation> allocations, boolean replay)
      implements NoShowResult {
    /**
     * The answer; the allocations are copied.
     *
     * @param appointmentId the appointment
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
     * @param appointmentId the appointment
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
   * The appointment took no credits.
   *
   * @param appointmentId the appointment
   * @param replay whether this call was a replay
   */
  record NothingToGiveBack(AppointmentId appointmentId, boolean replay) implements NoShowResult {
    /**
     * The answer of a first call.
     *
     * @param appointmentId the appointment
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
   * The answer a no-show appointment stands for: nothing changes it after, so it stays the first
   * call's.
   *
   * @param appointment an appointment marked a no-show
   * @param replay whether the answer is for a replay
   * @return the answer
   * @throws java.util.NoSuchElementException when the appointment is not ended
   */
  static NoShowResult of(Appointment appointment, boolean replay) {
    return switch (appointment.cancelOutcome().orElseThrow()) {
      case GIVEN_BACK -> new GivenBack(appointment.id(), appointment.creditsTaken(), appointment.allocations(),
          replay);
      case FORFEITED -> new Forfeited(appointment.id(), appointment.creditsTaken(), replay);
      case NOTHING_TO_GIVE_BACK -> new NothingToGiveBack(appointment.id(), replay);
    };
  }
}
