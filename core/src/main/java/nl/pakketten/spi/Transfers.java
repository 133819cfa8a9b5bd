package nl.pakketten.spi;

import java.util.Optional;
import nl.pakketten.common.PracticeId;
import nl.pakketten.wallet.CreditTransfer;
import nl.pakketten.wallet.TransferId;

/**
 * Port: the transfers of credits between patients, unique on (practice, transfer id), written in
 * the same transaction as the lots they changed.
 */
public interface Transfers {
  /**
   * The transfer stored under a host's key.
   *
   * @param practice the practice
   * @param transferId the host's key
   * @return the transfer; empty when none was stored with that key
   */
  Optional<CreditTransfer> find(PracticeId practice, TransferId transferId);

  /**
   * Stores a transfer. When its key was taken by a concurrent transaction an adapter throws
   * {@link TransientException}; the retry then answers from the stored transfer.
   *
   * @param transfer the new transfer
   */
  void insert(CreditTransfer transfer);
}
