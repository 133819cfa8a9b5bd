package nl.pakketten.appointments;

import java.time.Instant;

/**
 * Policy: whether marking a covered appointment a no-show keeps its credits (recorded as forfeited)
 * or gives them back. It takes the facts and returns a decision; the use case carries it out.
 */
@FunctionalInterface
public interface NoShowPolicy {
  /**
   * Decides what marking {@code appointment} (scheduled and covered) a no-show at {@code now} does
   * with its credits.
   *
   * @param appointment the appointment marked a no-show, scheduled and covered
   * @param now the moment it is marked, by the SDK's clock
   * @return give back or forfeit
   */
  CreditsDecision decide(Appointment appointment, Instant now);

  /**
   * A no-show keeps the credits: the patient did not come, the slot is paid. The default.
   *
   * @return the policy that forfeits a no-show's credits
   */
  static NoShowPolicy keepCredits() {
    return BuiltInNoShowPolicy.KEEP_CREDITS;
  }

  /**
   * A no-show gives the credits back, as a cancellation in time does.
   *
   * @return the policy that gives a no-show's credits back
   */
  static NoShowPolicy giveCreditsBack() {
    return BuiltInNoShowPolicy.GIVE_CREDITS_BACK;
  }
}

/** The built-in no-show policies; an enum so that they print by name. */
enum BuiltInNoShowPolicy implements NoShowPolicy {
  KEEP_CREDITS {
    @Override
    public CreditsDecision decide(Appointment appointment, Instant now) {
      return CreditsDecision.forfeit("no-show: credits kept");
    }
  },
  GIVE_CREDITS_BACK {
    @Override
    public CreditsDecision decide(Appointment appointment, Instant now) {
      return CreditsDecision.giveBack();
    }
  }
}
