package nl.pakketten.granting;

import nl.pakketten.common.Answer;

/** The answer to a payment reversal. */
public sealed interface ReversalResult extends Answer {
  /** {@return the reversal, as the first call stored it} */
  PaymentReversal reversal();

  /**
   * Whether this call was a replay.
   *
   * @return true for {@link AlreadyReversed}: a replay, answered with what the first call did
   */
  default boolean replay() {
    return this instanceof AlreadyReversed;
  }

  /**
   * The payment was reversed now.
   *
   * @param reversal what the reversal revoked and booked
   */
  record Reversed(PaymentReversal reversal) implements ReversalResult {}

  /**
   * The same reversal was done before: nothing changed now; this is what it did then.
   *
   * @param reversal what the first reversal revoked and booked
   */
  record AlreadyReversed(PaymentReversal reversal) implements ReversalResult {}
}
