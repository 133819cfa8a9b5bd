package nl.pakketten.outbox;

/**
 * What one round of the dispatcher did.
 *
 * @param delivered messages delivered (mails sent, events published)
 * @param retrying messages whose attempt failed and that wait for their next attempt
 * @param failed messages given up on in this round (attempts exhausted, or refused for good)
 */
public record DispatchResult(int delivered, int retrying, int failed) {
  /**
   * Whether the round found nothing to do.
   *
   * @return true when no message was due
   */
  public boolean idle() {
    return delivered == 0 && retrying == 0 && failed == 0;
  }
}
