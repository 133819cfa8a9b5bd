package nl.pakketten.wallet;

import nl.pakketten.common.Answer;

/** The answer to a transfer of credits. */
public sealed interface TransferResult extends Answer {
  /** {@return the transfer, as the first call stored it} */
  CreditTransfer transfer();

  /**
   * Whether this call was a replay.
   *
   * @return true for {@link AlreadyTransferred}: a replay, answered with what the first call did
   */
  default boolean replay() {
    return this instanceof AlreadyTransferred;
  }

  /**
   * The credits moved now.
   *
   * @param transfer what moved
   */
  record Transferred(CreditTransfer transfer) implements TransferResult {}

  /**
   * The same transfer was done before: nothing moved now; this is what moved then.
   *
   * @param transfer what the first call moved
   */
  record AlreadyTransferred(CreditTransfer transfer) implements TransferResult {}
}
