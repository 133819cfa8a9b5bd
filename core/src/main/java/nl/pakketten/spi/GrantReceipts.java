package nl.pakketten.spi;

import java.util.Optional;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.GrantReceipt;

/**
 * Port: the idempotency records of payments and imports, unique on (practice, kind, key), written
 * in the same transaction as the lots they granted.
 */
public interface GrantReceipts {
  /**
   * Reads the receipt of an earlier payment or import.
   *
   * @param practice the practice
   * @param kind payment or import
   * @param key the invoice id or import id, as text
   * @return the receipt; empty when no payment or import with that key was stored
   */
  Optional<GrantReceipt> find(PracticeId practice, GrantReceipt.Kind kind, String key);

  /**
   * Stores a receipt. When the key was taken by a concurrent transaction an adapter throws {@link
   * nl.pakketten.spi.TransientException}; the retry then answers from the stored receipt.
   *
   * @param receipt the new receipt
   */
  void insert(GrantReceipt receipt);
}
