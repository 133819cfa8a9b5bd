package nl.pakketten.outbox;

/** Where an outbox message is in its life. */
public enum OutboxState {
  /**
   * Waiting to be delivered: new, being delivered, or waiting for its next attempt after a failure
   * ({@link OutboxMessage#lastError()} then says why).
   */
  QUEUED,
  /** Delivered. A delivered event is removed from the outbox; a delivered mail stays, as sent. */
  SENT,
  /**
   * Given up: the attempts ran out or the receiving side refused the message for good. It stays
   * until it is {@linkplain ResendMessage resent}.
   */
  FAILED
}
