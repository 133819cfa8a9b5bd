package nl.pakketten.spi;

import java.util.Optional;
import nl.pakketten.common.PracticeId;
import nl.pakketten.wallet.Refund;
import nl.pakketten.wallet.RefundId;

/**
 * Port: the refunds of credits, unique on (practice, refund id), written in the same transaction
 * as the movements they booked: the idempotency record of {@code RefundCredits}.
 */
public interface Refunds {
  /**
   * Reads an earlier refund.
   *
   * @param practice the practice
   * @param refundId the host's key of the refund
   * @return the refund; empty when none with that key was stored
   */
  Optional<Refund> find(PracticeId practice, RefundId refundId);

  /**
   * Stores a refund. When the key was taken by a concurrent transaction an adapter throws {@link
   * TransientException}; the retry then answers from the stored refund.
   *
   * @param refund the new refund
   */
  void insert(Refund refund);
}
