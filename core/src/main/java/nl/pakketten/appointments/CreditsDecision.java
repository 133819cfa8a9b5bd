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
   *
   * @return the decision to give back
   */
  static CreditsDecision giveBack() {
    return new GiveBack();
  }

  /**
   * Keep the credits spent.
   *
   * @param reason why, for example "late: ..."; added to the history's reason
   * @return the decision to forfeit
   */
  static CreditsDecision forfeit(String reason) {
    return new Forfeit(reason);
  }

  /** See {@link CreditsDecision#giveBack()}. */
  record GiveBack() implements CreditsDecision {}

  /**
   * The credits stay spent and their revenue stays recognised: recorded as a {@link nl.pakketten.wallet.MovementKind#FORFEITED} movement per lot, with no journal entry (the spend booked the revenue).
   *
   * @param reason why, added to the history's reason
   */
  record Forfeit(String reason) implements CreditsDecision {
    /**
     * The decision to forfeit.
     *
     * @param reason why, added to the history's reason; required
     */
    public Forfeit {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
