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
  AppointmentId appointmentId();

  /** True when the appointment was cancelled before: this call changed nothing and answers as the first. */
  boolean replay();

  /** The same answer, as a replay ({@code true}) or as the first call's ({@code false}). */
  CancelResult withReplay(boolean replay);

  /** The credits went back to exactly the lots they came from. */
  record GivenBack(AppointmentId appointmentId, int credits, List<Allocation> allocations, boolean replay)
      implements CancelResult {
    public GivenBack {
      allocations = List.copyOf(allocations);
    }

    /** The answer of a first call. */
    public GivenBack(AppointmentId appointmentId, int credits, List<Allocation> allocations) {
      this(appointmentId, credits, allocations, false);
    }

    @Override
    public GivenBack withReplay(boolean replay) {
      return new GivenBack(appointmentId, credits, allocations, replay);
    }
  }

  /** The cancellation was late: the late-cancellation policy kept the credits. */
  record Forfeited(AppointmentId appointmentId, int credits, boolean replay) implements CancelResult {
    /** The answer of a first call. */
    public Forfeited(AppointmentId appointmentId, int credits) {
      this(appointmentId, credits, false);
    }

    @Override
    public Forfeited withReplay(boolean replay) {
      return new Forfeited(appointmentId, credits, replay);
    }
  }

  /** The appointment took no credits. */
  record NothingToGiveBack(AppointmentId appointmentId, boolean replay) implements CancelResult {
    /** The answer of a first call. */
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
   */
  static CancelResult of(Appointment appointment) {
    return switch (appointment.cancelOutcome().orElseThrow()) {
      case GIVEN_BACK -> new GivenBack(appointment.id(), appointment.creditsTaken(), appointment.allocations());
      case FORFEITED -> new Forfeited(appointment.id(), appointment.creditsTaken());
      case NOTHING_TO_GIVE_BACK -> new NothingToGiveBack(appointment.id());
    };
  }
}
