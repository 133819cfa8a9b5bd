package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.granting.RegisterPayment;
import nl.pakketten.sale.InvoiceEvents;
import nl.pakketten.sale.InvoicePayment;
import nl.pakketten.sale.InvoicePaymentResult;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.RegisterInvoicePayment;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.ValueBuilders;

/**
 * Use case: register a payment of an issued invoice, idempotent on the host's payment reference.
 * The payment that makes the invoice fully paid grants its credits through the one grant path
 * ({@link RegisterPaymentHandler#grant}, keyed on the invoice id), so they are granted exactly once;
 * payments before it grant nothing, and a payment after it (an overpayment) is recorded only.
 *
 * @param invoices where invoices and their payments are kept
 * @param grants the grant path of paid invoices
 * @param writes the path the command takes
 * @param clock the time of registration
 */
public record RegisterInvoicePaymentHandler(Invoices invoices, RegisterPaymentHandler grants, WritePath writes,
    Clock clock) {
  /** Registers the payment; a repeat of the reference with the same content answers as a replay. */
  public InvoicePaymentResult handle(RegisterInvoicePayment command) {
    return writes.check(command)
        .rules(check -> {
          if (command.amount() != null) {
            check.require(command.amount().isPositive(), "amount", command.amount(), "must be more than zero");
          }
          check.requireSupported("paidOn", command.paidOn());
        })
        .access(command.actor(), Action.REGISTER_PAYMENTS)
        .run("registerInvoicePayment", command.practice(), command.reference(),
            r -> new InvoicePaymentResult(r.invoice(), r.payment(), r.grants(), false), events -> {
              Optional<InvoiceId> paidBefore = invoices.paidWith(command.practice(), command.reference());
              if (paidBefore.isPresent()) {
                return replay(events, command, paidBefore.get());
              }
              ProductInvoice invoice = InvoiceSteps.lock(invoices, command.practice(), command.invoiceId());
              if (invoice.issue().isEmpty() || invoice.cancellation().isPresent()) {
                throw InvoiceSteps.inState(invoice, "only an issued invoice that is not cancelled can be paid");
              }
              if (!command.amount().getCurrencyUnit().equals(invoice.currency())) {
                throw InvalidInputException.of("amount", command.amount(), "must be in " + invoice.currency()
                    + ", the invoice's currency, not " + command.amount().getCurrencyUnit());
              }
              InvoicePayment payment = new InvoicePayment(command.reference(), command.amount(), command.paidOn(),
                  command.method(), clock.instant(), command.actor().userId());
              invoices.addPayment(command.practice(), invoice.id(), payment);
              ProductInvoice after = ValueBuilders.productInvoice().from(invoice).addPayments(payment).build();
              events.add(new InvoiceEvents.PaymentRegistered(command.practice(), payment.registeredAt(),
                  payment.registeredBy(), invoice.id(), payment));
              List<LotGrant> granted = List.of();
              if (completes(invoice, payment)) {
                granted = grants.grant(events, grantOf(command, after)).grants();
                events.add(new InvoiceEvents.InvoicePaid(command.practice(), payment.registeredAt(),
                    payment.registeredBy(), invoice.id(), after.overpaid(), granted));
              }
              return new InvoicePaymentResult(after, payment, granted, false);
            });
  }

  /** The answer to a repeated reference: as the first registration answered, or a conflict. */
  private InvoicePaymentResult replay(List<DomainEvent> events, RegisterInvoicePayment command, InvoiceId paidOn) {
    if (!paidOn.equals(command.invoiceId())) {
      throw new ConflictException(command.reference().value(),
          "this payment was already registered on invoice '" + paidOn + "'");
    }
    ProductInvoice invoice = invoices.find(command.practice(), paidOn).orElseThrow();
    int index = 0;
    while (!invoice.payments().get(index).reference().equals(command.reference())) {
      index++;
    }
    InvoicePayment payment = invoice.payments().get(index);
    if (!payment.sameAs(command.amount(), command.paidOn(), command.method())) {
      throw new ConflictException(command.reference().value(),
          "this payment was already registered with another amount, day or method");
    }
    ProductInvoice before = ValueBuilders.productInvoice().from(invoice)
        .payments(invoice.payments().subList(0, index)).build();
    List<LotGrant> granted = completes(before, payment)
        ? grants.grant(events, grantOf(command, invoice)).grants() // answered from the receipt
        : List.of();
    return new InvoicePaymentResult(invoice, payment, granted, true);
  }

  /** Whether {@code payment} takes the invoice from less than its total to at least its total. */
  private static boolean completes(ProductInvoice before, InvoicePayment payment) {
    return before.paid().isLessThan(before.total()) && !before.paid().plus(payment.amount()).isLessThan(before.total());
  }

  /** The grant of a paid invoice: its lines at their amounts excluding VAT, the lots' deferred value. */
  private static RegisterPayment grantOf(RegisterInvoicePayment command, ProductInvoice invoice) {
    return RegisterPayment.builder()
        .practice(command.practice())
        .actor(command.actor())
        .invoiceId(invoice.id())
        .patient(invoice.patient())
        .lines(invoice.lines().stream().map(l -> InvoiceLine.of(l.productCode(), l.quantity(), l.amount())).toList())
        .build();
  }
}
