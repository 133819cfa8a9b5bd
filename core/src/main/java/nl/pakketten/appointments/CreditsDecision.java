package nl.pakketten.appointments;

import java.util.Objects;

/**
 * What to do with the credits a covered appointment took when it does not take place: the decision
 * of a {@link LateCancellationPolicy} and of a {@link NoShowPolicy}.
 */
public sealed interface CreditsDecision {
  /**
   * Give the credits back to exactly the lots they came from, reversing the revenue their spending
   * recognised.
   */
  static CreditsDecision giveBack() {
    return new GiveBack();
  }

  /** Keep the credits spent; {@code reason} (for example "late: ...") is added to the history's reason. */
  static CreditsDecision forfeit(String reason) {
    return new Forfeit(reason);
  }

  /** See {@link #giveBack()}. */
  record GiveBack() implements CreditsDecision {}

  /**
   * The credits stay spent and their revenue stays recognised: recorded as a {@link
   * nl.pakketten.wallet.MovementKind#FORFEITED} movement per lot, with no journal entry (the spend booked the revenue).
   */
  record Forfeit(String reason) implements CreditsDecision {
    public Forfeit {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
