package nl.pakketten.sale;

import nl.pakketten.common.Answer;

/**
 * The answer to creating, issuing, sending or cancelling an invoice: the invoice as stored.
 *
 * @param invoice the invoice after the command
 * @param replay true when the command had been carried out before and changed nothing now
 */
public record InvoiceAnswer(ProductInvoice invoice, boolean replay) implements Answer {}
