package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.time.LocalDate;
import nl.pakketten.access.Action;
import nl.pakketten.sale.CancelInvoice;
import nl.pakketten.sale.InvoiceAnswer;
import nl.pakketten.sale.InvoiceEvents;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.PracticeProfiles;
import nl.pakketten.spi.ValueBuilders;

/**
 * Use case: cancel an issued, unpaid invoice by a credit note with its own number from the same
 * series. The invoice is kept, marked cancelled; nothing was granted, so nothing is taken back.
 *
 * @param invoices where invoices and the number series are kept
 * @param profiles the practice's number format
 * @param writes the path the command takes
 * @param clock today, when no date is given
 */
public record CancelInvoiceHandler(Invoices invoices, PracticeProfiles profiles, WritePath writes, Clock clock) {
  /** Cancels the invoice; a cancelled one answers as a replay with its credit note. */
  public InvoiceAnswer handle(CancelInvoice command) {
    return writes.check(command)
        .rules(check -> {
          if (command.date() != null) {
            command.date().ifPresent(d -> check.requireSupported("date", d));
          }
        })
        .access(command.actor(), Action.MANAGE_INVOICES)
        .run("cancelInvoice", command.practice(), command.invoiceId(), a -> new InvoiceAnswer(a.invoice(), false),
            events -> {
              ProductInvoice invoice = InvoiceSteps.lock(invoices, command.practice(), command.invoiceId());
              if (invoice.cancellation().isPresent()) {
                return new InvoiceAnswer(invoice, true);
              }
              if (invoice.issue().isEmpty()) {
                throw InvoiceSteps.inState(invoice, "a draft has no number and needs no credit note");
              }
              if (!invoice.payments().isEmpty()) {
                throw InvoiceSteps.inState(invoice, "only an unpaid invoice is cancelled by a credit note");
              }
              LocalDate date = command.date().orElseGet(() -> LocalDate.now(clock));
              String number = InvoiceSteps.nextNumber(invoices, InvoiceSteps.profile(profiles, command.practice()),
                  date);
              ProductInvoice cancelled = ValueBuilders.productInvoice().from(invoice)
                  .cancellation(new ProductInvoice.Cancellation(number, date, clock.instant(),
                      command.actor().userId()))
                  .build();
              invoices.update(cancelled);
              events.add(new InvoiceEvents.InvoiceCancelled(command.practice(), clock.instant(),
                  command.actor().userId(), invoice.id(), number));
              return new InvoiceAnswer(cancelled, false);
            });
  }
}
