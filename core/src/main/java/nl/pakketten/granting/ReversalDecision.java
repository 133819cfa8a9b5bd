package nl.pakketten.granting;

import java.util.Objects;

/** What a {@link ReversalPolicy} decided about the used credits of a reversed payment. */
public sealed interface ReversalDecision {
  /**
   * Keep the used credits used and book what they were worth as a receivable from the patient.
   *
   * @return the decision
   */
  static ReversalDecision bookReceivable() {
    return new BookReceivable();
  }

  /**
   * Refuse the reversal; nothing is changed.
   *
   * @param reason why, for the {@link nl.pakketten.common.ConflictException}'s message
   * @return the decision
   */
  static ReversalDecision refuse(String reason) {
    return new Refuse(reason);
  }

  /** See {@link ReversalDecision#bookReceivable()}. */
  record BookReceivable() implements ReversalDecision {}

  /**
   * See {@link ReversalDecision#refuse(String)}.
   *
   * @param reason why the reversal is refused
   */
  record Refuse(String reason) implements ReversalDecision {
    /**
     * The decision to refuse.
     *
     * @param reason why; required
     */
    public Refuse {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
