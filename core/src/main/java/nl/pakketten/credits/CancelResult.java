package nl.pakketten.credits;

import java.util.List;

/** What a cancellation did with the appointment's credits. A replay answers the same. */
public sealed interface CancelResult {
  AppointmentId appointmentId();

  /** The credits went back to exactly the lots they came from. */
  record GivenBack(AppointmentId appointmentId, int credits, List<Allocation> allocations) implements CancelResult {
    public GivenBack {
      allocations = List.copyOf(allocations);
    }
  }

  /** The cancellation was late: the late-cancellation policy kept the credits. */
  record Forfeited(AppointmentId appointmentId, int credits) implements CancelResult {}

  /** The appointment took no credits. */
  record NothingToGiveBack(AppointmentId appointmentId) implements CancelResult {}

  static CancelResult of(Appointment appointment) {
    return switch (appointment.getCancelOutcome().orElseThrow()) {
      case GIVEN_BACK -> new GivenBack(appointment.getId(), appointment.creditsTaken(), appointment.getAllocations());
      case FORFEITED -> new Forfeited(appointment.getId(), appointment.creditsTaken());
      case NOTHING_TO_GIVE_BACK -> new NothingToGiveBack(appointment.getId());
    };
  }
}
