package nl.pakketten.granting;

import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import org.joda.money.Money;

/**
 * Policy: what a payment reversal does when credits the payment granted were already used (spent,
 * expired, refunded or transferred: no longer in their lot). It takes the facts and returns a decision; the use case carries the
 * decision out. A reversal of a payment whose credits are all unspent does not ask it.
 */
@FunctionalInterface
public interface ReversalPolicy {
  /**
   * Decides what reversing the payment of {@code invoiceId} does with its used credits.
   *
   * @param invoiceId the invoice whose payment is reversed
   * @param patient the patient the payment granted credits to
   * @param creditsUsed how many of its credits were already used, at least 1
   * @param valueUsed what they were worth: the part of the payment they used
   * @return keep them and book a receivable, or refuse the reversal
   */
  ReversalDecision decide(InvoiceId invoiceId, PatientId patient, int creditsUsed, Money valueUsed);

  /**
   * The appointments stay; the value the used credits had is booked as a receivable from the
   * patient (debit receivables, credit payments clearing). The default.
   *
   * @return the policy
   */
  static ReversalPolicy bookReceivable() {
    return (invoiceId, patient, creditsUsed, valueUsed) -> ReversalDecision.bookReceivable();
  }

  /**
   * A payment whose credits were partly used cannot be reversed: the host settles it another way.
   *
   * @return the policy
   */
  static ReversalPolicy refuseWhenUsed() {
    return (invoiceId, patient, creditsUsed, valueUsed) -> ReversalDecision.refuse(
        creditsUsed + " credit" + (creditsUsed == 1 ? " was" : "s were") + " already used (worth " + valueUsed
            + ")");
  }
}
