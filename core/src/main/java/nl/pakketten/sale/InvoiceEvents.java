package nl.pakketten.sale;

import java.time.Instant;
import java.util.List;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.granting.LotGrant;
import org.joda.money.Money;

/** The events of a product invoice's life. */
public final class InvoiceEvents {
  private InvoiceEvents() {}

  /**
   * An invoice was issued with a number.
   *
   * @param practice the practice
   * @param at when
   * @param actor who
   * @param invoiceId the invoice
   * @param number its number
   * @param total what the patient pays
   */
  public record InvoiceIssued(PracticeId practice, Instant at, UserId actor, InvoiceId invoiceId, String number,
      Money total) implements DomainEvent {}

  /**
   * An invoice (or its credit note) was mailed to the patient.
   *
   * @param practice the practice
   * @param at when
   * @param actor who
   * @param invoiceId the invoice
   * @param number the number of the document mailed
   */
  public record InvoiceSent(PracticeId practice, Instant at, UserId actor, InvoiceId invoiceId, String number)
      implements DomainEvent {}

  /**
   * A payment was registered on an invoice.
   *
   * @param practice the practice
   * @param at when
   * @param actor who
   * @param invoiceId the invoice
   * @param payment the payment
   */
  public record PaymentRegistered(PracticeId practice, Instant at, UserId actor, InvoiceId invoiceId,
      InvoicePayment payment) implements DomainEvent {}

  /**
   * An invoice became fully paid and its credits were granted.
   *
   * @param practice the practice
   * @param at when
   * @param actor who
   * @param invoiceId the invoice
   * @param overpaid what was paid beyond the total (zero when none)
   * @param grants the lots granted
   */
  public record InvoicePaid(PracticeId practice, Instant at, UserId actor, InvoiceId invoiceId, Money overpaid,
      List<LotGrant> grants) implements DomainEvent {
    /**
     * Copies the grants.
     *
     * @param practice the practice
     * @param at when
     * @param actor who
     * @param invoiceId the invoice
     * @param overpaid what was paid beyond the total (zero when none)
     * @param grants the lots granted
     */
    public InvoicePaid {
      grants = List.copyOf(grants);
    }
  }

  /**
   * An invoice was cancelled by a credit note.
   *
   * @param practice the practice
   * @param at when
   * @param actor who
   * @param invoiceId the invoice
   * @param creditNoteNumber the credit note's number
   */
  public record InvoiceCancelled(PracticeId practice, Instant at, UserId actor, InvoiceId invoiceId,
      String creditNoteNumber) implements DomainEvent {}

  /**
   * A refund of credits issued a credit note for an invoice the SDK made ({@link RefundCreditNote}).
   *
   * @param practice the practice
   * @param at when
   * @param actor who refunded
   * @param invoiceId the invoice it credits
   * @param creditNoteNumber the credit note's number
   * @param refundId the refund that issued it
   * @param totalExcludingVat what it credits, excluding VAT (positive: what the refund pays back for
   *     the invoice's lots)
   */
  public record RefundCreditNoteIssued(PracticeId practice, Instant at, UserId actor, InvoiceId invoiceId,
      String creditNoteNumber, nl.pakketten.wallet.RefundId refundId, Money totalExcludingVat)
      implements DomainEvent {}
}
