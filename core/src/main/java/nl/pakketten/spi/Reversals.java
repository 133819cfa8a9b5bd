package nl.pakketten.spi;

import java.util.Optional;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.PaymentReversal;
import nl.pakketten.granting.ReversalId;

/**
 * Port: the reversed payments, unique on (practice, reversal id) and on (practice, invoice id), so
 * a payment is reversed once; written in the same transaction as the revoked lots.
 */
public interface Reversals {
  /**
   * The reversal stored under a host's key.
   *
   * @param practice the practice
   * @param reversalId the host's key
   * @return the reversal; empty when none was stored with that key
   */
  Optional<PaymentReversal> find(PracticeId practice, ReversalId reversalId);

  /**
   * The reversal of an invoice's payment.
   *
   * @param practice the practice
   * @param invoiceId the invoice whose payment was reversed
   * @return the reversal; empty when that payment was not reversed
   */
  Optional<PaymentReversal> ofPayment(PracticeId practice, InvoiceId invoiceId);

  /**
   * Stores a reversal. When its key or its invoice was taken by a concurrent transaction an
   * adapter throws {@link TransientException}; the retry then answers from the stored reversal.
   *
   * @param reversal the new reversal
   */
  void insert(PaymentReversal reversal);
}
