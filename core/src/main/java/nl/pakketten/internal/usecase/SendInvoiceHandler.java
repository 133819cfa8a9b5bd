package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.util.List;
import nl.pakketten.access.Action;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.sale.InvoiceAnswer;
import nl.pakketten.sale.InvoiceEvents;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.SendInvoice;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.MailTemplates;
import nl.pakketten.spi.ValueBuilders;
import org.jspecify.annotations.Nullable;

/**
 * Use case: mail an issued invoice (a cancelled one: its credit note) to the patient with the
 * practice's template for the patient's language (the shipped default when the practice has none)
 * and the PDF attached, then mark it sent. The mail goes out before the mark is stored, outside any
 * transaction: when {@link DocumentServices#send} throws, nothing is marked and the host may send
 * again; when the mark fails after the mail went out, a repeat sends the mail again with the same
 * message id, by which the receiving side can tell the duplicate.
 *
 * @param invoices where invoices are kept
 * @param templates the practices' own templates
 * @param documents renders, prints and mails; null when none are configured
 * @param tx runs the reads before the mail goes out
 * @param writes the path the command takes
 * @param clock the time it was sent
 */
public record SendInvoiceHandler(Invoices invoices, MailTemplates templates, @Nullable DocumentServices documents,
    TransactionRunner tx, WritePath writes, Clock clock) {
  /** Sends the invoice and answers with it as marked. */
  public InvoiceAnswer handle(SendInvoice command) {
    WritePath.Write write = writes.check(command).access(command.actor(), Action.MANAGE_INVOICES);
    write.checkNow();
    if (documents == null) {
      throw new IllegalStateException("Sending needs DocumentServices: Pakketten.builder().documents(...)"
          + " (the pakketten-mail module provides them)");
    }
    record Loaded(ProductInvoice invoice, InvoiceDocument document, MailTemplate template) {}
    Loaded loaded = tx.read("sendInvoice.load", command.practice(), () -> {
      ProductInvoice invoice = invoices.find(command.practice(), command.invoiceId())
          .orElseThrow(() -> new NotFoundException("invoice", command.invoiceId(), command.practice()));
      InvoiceDocument document = invoice.creditNote().or(invoice::document)
          .orElseThrow(() -> InvoiceSteps.inState(invoice, "a draft has no number yet; issue it first"));
      MailTemplate template = templates.find(command.practice(), document.kind(), document.language())
          .orElseGet(() -> documents.defaultTemplate(document.kind(), document.language()));
      return new Loaded(invoice, document, template);
    });
    InvoiceDocument document = loaded.document();
    String to = document.customer().email();
    if (to.isBlank()) {
      throw InvalidInputException.of("email", loaded.invoice().patient(), "patient '" + loaded.invoice().patient()
          + "' had no e-mail address when invoice " + document.number() + " was issued; the invoice stays "
          + loaded.invoice().state().name().toLowerCase());
    }
    DocumentServices.RenderedMail mail = documents.render(loaded.template(), document);
    byte[] pdf = documents.pdf(document);
    documents.send(new DocumentServices.OutgoingMail(messageId(command, document), document.supplier().email(),
        document.supplier().name(), to, mail,
        List.of(new DocumentServices.Attachment(document.number() + ".pdf", "application/pdf", pdf))));
    return write.run("sendInvoice", command.practice(), command.invoiceId(), events -> {
      ProductInvoice invoice = InvoiceSteps.lock(invoices, command.practice(), command.invoiceId());
      ProductInvoice sent = invoice;
      if (invoice.cancellation().isEmpty()) {
        sent = ValueBuilders.productInvoice().from(invoice).sentAt(clock.instant()).build();
        invoices.update(sent);
      }
      events.add(new InvoiceEvents.InvoiceSent(command.practice(), clock.instant(), command.actor().userId(),
          invoice.id(), document.number()));
      return new InvoiceAnswer(sent, false);
    });
  }

  /** Stable per document: a repeat of the same send has the same id. */
  private static String messageId(SendInvoice command, InvoiceDocument document) {
    return document.kind().name().toLowerCase() + "." + document.number() + "." + command.practice().value()
        + "@pakketten";
  }
}
