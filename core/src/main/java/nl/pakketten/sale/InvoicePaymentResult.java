package nl.pakketten.sale;

import java.util.List;
import nl.pakketten.common.Answer;
import nl.pakketten.granting.LotGrant;

/**
 * The answer to registering an invoice payment.
 *
 * @param invoice the invoice after the payment (its state, what is paid, outstanding, overpaid)
 * @param payment the payment as registered
 * @param grants the lots this payment's registration granted: non-empty only for the payment that
 *     made the invoice fully paid (and only for linked products)
 * @param replay true when the reference was registered before: nothing changed now
 */
public record InvoicePaymentResult(ProductInvoice invoice, InvoicePayment payment, List<LotGrant> grants,
    boolean replay) implements Answer {
  /**
   * Copies the grants.
   *
   * @param invoice the invoice after the payment (its state, what is paid, outstanding, overpaid)
   * @param payment the payment as registered
   * @param grants the lots this payment's registration granted: non-empty only for the payment that made the invoice fully paid (and only for linked products)
   * @param replay true when the reference was registered before: nothing changed now
   */
  public InvoicePaymentResult {
    grants = List.copyOf(grants);
  }
}
