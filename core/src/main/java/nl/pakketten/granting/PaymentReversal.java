package nl.pakketten.granting;

import java.time.Instant;
import java.util.Objects;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import org.joda.money.Money;

/**
 * A reversed payment as stored: the answer a replay of its reversal gives, and the record that
 * refuses a second reversal of the same payment. The payment's value is split in two: what its
 * unspent credits were worth, revoked; and what its used credits were worth, now receivable from
 * the patient.
 *
 * @param practice the practice
 * @param reversalId the host's key of the reversal
 * @param invoiceId the invoice whose payment was reversed
 * @param patient the patient the payment had granted credits to
 * @param creditsRevoked the unspent credits revoked
 * @param valueRevoked their deferred value, moved back from deferred revenue to payments clearing
 * @param creditsKept the credits the payment granted that were already used (spent, expired or
 *     transferred) and stay so
 * @param receivable what those were worth: booked as a receivable from the patient
 * @param at when the reversal was stored
 * @param actor who reversed it
 */
public record PaymentReversal(PracticeId practice, ReversalId reversalId, InvoiceId invoiceId, PatientId patient,
    int creditsRevoked, Money valueRevoked, int creditsKept, Money receivable, Instant at, UserId actor) {
  /**
   * A reversal.
   *
   * @param practice the practice
   * @param reversalId the host's key
   * @param invoiceId the invoice whose payment was reversed
   * @param patient the patient
   * @param creditsRevoked the unspent credits revoked
   * @param valueRevoked their deferred value
   * @param creditsKept the credits already used
   * @param receivable what those were worth
   * @param at when it was stored
   * @param actor who reversed it
   */
  public PaymentReversal {
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(reversalId, "reversalId");
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(valueRevoked, "valueRevoked");
    Objects.requireNonNull(receivable, "receivable");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    if (creditsRevoked < 0 || creditsKept < 0 || valueRevoked.isNegative() || receivable.isNegative()) {
      throw new IllegalArgumentException("A reversal's credits and values are never negative");
    }
  }
}
