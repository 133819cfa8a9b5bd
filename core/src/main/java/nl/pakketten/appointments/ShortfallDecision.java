package nl.pakketten.appointments;

/** What a {@link ShortfallPolicy} decided about an appointment the patient has too few credits for. */
public sealed interface ShortfallDecision {
  /** Refuse the call with {@link InsufficientCreditsException}; nothing changes. */
  record Reject() implements ShortfallDecision {}

  /**
   * Record the appointment as {@link Appointment.Coverage#UNCOVERED}: no credits are taken, the host
   * bills it the normal way.
   */
  record RecordUncovered() implements ShortfallDecision {}
}
