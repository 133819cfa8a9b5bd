package nl.pakketten.spi;

import java.util.List;
import java.util.Optional;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.invoicing.InvoiceNumbers;
import nl.pakketten.sale.InvoicePayment;
import nl.pakketten.sale.PaymentReference;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.RefundCreditNote;
import nl.pakketten.wallet.RefundId;

/**
 * Port: the product invoices of each practice, their payments, and the practice's number series.
 * An invoice is never deleted.
 */
public interface Invoices {
  /**
   * An invoice as stored.
   *
   * @param practice the practice
   * @param id the invoice
   * @return the invoice, empty if it does not exist in the practice
   */
  Optional<ProductInvoice> find(PracticeId practice, InvoiceId id);

  /**
   * An invoice, locked until the transaction ends so that no other command changes it meanwhile.
   *
   * @param practice the practice
   * @param id the invoice
   * @return the invoice, empty if it does not exist in the practice
   */
  Optional<ProductInvoice> lock(PracticeId practice, InvoiceId id);

  /**
   * Stores a new draft with its lines. An id already taken throws {@link TransientException}; the
   * retry then finds the stored invoice.
   *
   * @param draft the new draft
   */
  void insert(ProductInvoice draft);

  /**
   * Stores what changed in an invoice's life: its issue, sending and cancellation. Lines and
   * payments are not touched (lines never change; payments are added with {@link #addPayment}).
   *
   * @param invoice the invoice as it is now
   */
  void update(ProductInvoice invoice);

  /**
   * Adds a payment to an invoice. A reference already used in the practice throws {@link
   * TransientException}; the retry then finds it.
   *
   * @param practice the practice
   * @param invoice the invoice paid
   * @param payment the payment
   */
  void addPayment(PracticeId practice, InvoiceId invoice, InvoicePayment payment);

  /**
   * The invoice a payment reference was registered on.
   *
   * @param practice the practice
   * @param reference the host's payment reference
   * @return the invoice, empty if the reference is new in the practice
   */
  Optional<InvoiceId> paidWith(PracticeId practice, PaymentReference reference);

  /**
   * The next number of the practice's series: 1 for its first document, then each one more, in the
   * current transaction. The series is gapless: a transaction that rolls back gives its number back
   * (the counter's update is undone with it), and no two committed transactions get the same
   * number. An adapter keeps one counter per practice, locked until the transaction ends.
   *
   * @param practice the practice
   * @return the next number, from 1
   */
  long nextNumber(PracticeId practice);

  /**
   * Issues a draft: takes the next number of the practice's series ({@link #nextNumber}, with its
   * guarantees) and stores the invoice as issued with that number, in the current transaction.
   *
   * <p>The counter is the one row every issue in the practice waits for, from the moment it is
   * taken until the transaction ends; the use case therefore calls this last, after every read and
   * check, and an adapter should hold the counter for as few round trips as it can. This default
   * takes the number and then stores the invoice (two steps); the JDBC adapter on PostgreSQL does
   * both in one statement.
   *
   * @param draft the draft, locked in this transaction
   * @param issue what issuing fixes; its {@code number} is not read (pass an empty one): the number
   *     taken replaces it
   * @param numbering how the sequence number becomes the invoice number
   * @return the invoice as stored: the draft with {@code issue}, numbered
   */
  default ProductInvoice issue(ProductInvoice draft, ProductInvoice.Issue issue, InvoiceNumbers.Numbering numbering) {
    ProductInvoice issued = ValueBuilders.productInvoice().from(draft)
        .issue(issue.withNumber(numbering.number(nextNumber(draft.practice())))).build();
    update(issued);
    return issued;
  }

  /**
   * Stores a credit note a refund issued, with its lines, in the current transaction (the refund's).
   * Its number was taken with {@link #nextNumber} in the same transaction; a number already stored
   * in the practice throws {@link TransientException}.
   *
   * @param note the credit note
   */
  void insertCreditNote(RefundCreditNote note);

  /**
   * The credit notes refunds issued for an invoice.
   *
   * @param practice the practice
   * @param invoice the invoice credited
   * @return its credit notes, in the order they were issued; empty when none
   */
  List<RefundCreditNote> creditNotes(PracticeId practice, InvoiceId invoice);

  /**
   * The credit notes a refund issued: what a replay of the refund answers with.
   *
   * @param practice the practice
   * @param refund the refund's key
   * @return its credit notes, in the order they were issued; empty when none
   */
  List<RefundCreditNote> creditNotesOfRefund(PracticeId practice, RefundId refund);
}
