package nl.pakketten.wallet;

import nl.pakketten.common.Answer;

/** The answer to a refund of credits. */
public sealed interface RefundResult extends Answer {
  /** {@return the refund, as first stored} */
  Refund refund();

  /**
   * Whether this call was a replay.
   *
   * @return true for {@link AlreadyRefunded}: a replay, answered with what the first call refunded
   */
  default boolean replay() {
    return this instanceof AlreadyRefunded;
  }

  /**
   * The refund was new: the credits were refunded now.
   *
   * @param refund the refund stored
   */
  record Refunded(Refund refund) implements RefundResult {}

  /**
   * The refund was done before with the same content: nothing changed now.
   *
   * @param refund the refund the first call stored
   */
  record AlreadyRefunded(Refund refund) implements RefundResult {}
}
