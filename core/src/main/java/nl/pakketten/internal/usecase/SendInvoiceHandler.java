package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.pakketten.access.Action;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.internal.outbox.MailCodec;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.sale.InvoiceAnswer;
import nl.pakketten.sale.InvoiceEvents;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.SendInvoice;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.MailTemplates;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.ValueBuilders;
import org.jspecify.annotations.Nullable;

/**
 * Use case: queue the mail of an issued invoice (a cancelled one: its credit note; or a credit note
 * a refund issued for it, when the command names one) to the patient,
 * rendered with the practice's template for the patient's language (the shipped default when the
 * practice has none) and the PDF attached, and mark the invoice sent, in one transaction. The
 * outbox dispatcher delivers the mail after the commit; a crash in between loses nothing.
 *
 * <p>Idempotent on the document: the mail has a {@code Message-ID} stable per document, and a
 * second send of a document whose mail is already queued (or sent) answers as a replay and queues
 * nothing. Sending again on purpose is {@code resendMessage}. The template and PDF are rendered
 * before the transaction, from the issued document, which never changes.
 *
 * @param invoices where invoices are kept
 * @param templates the practices' own templates
 * @param outbox where the mail is queued
 * @param documents renders and prints; null when none are configured
 * @param tx runs the reads before rendering
 * @param writes the path the command takes
 * @param clock the time it was queued
 */
public record SendInvoiceHandler(Invoices invoices, MailTemplates templates, Outbox outbox,
    @Nullable DocumentServices documents, TransactionRunner tx, WritePath writes, Clock clock) {
  /** Queues the mail, marks the invoice sent, and answers with it as marked. */
  public InvoiceAnswer handle(SendInvoice command) {
    WritePath.Write write = writes.check(command).access(command.actor(), Action.MANAGE_INVOICES);
    write.checkNow();
    DocumentServices services = documents;
    if (services == null) {
      throw new IllegalStateException("Sending needs DocumentServices: Pakketten.builder().documents(...)"
          + " (the pakketten-mail module provides them)");
    }
    PracticeId practice = command.practice();
    record Loaded(ProductInvoice invoice, InvoiceDocument document, MailTemplate template, boolean queued) {}
    Loaded loaded = tx.read("sendInvoice.load", practice, () -> {
      ProductInvoice invoice = invoices.find(practice, command.invoiceId())
          .orElseThrow(() -> new NotFoundException("invoice", command.invoiceId(), practice));
      InvoiceDocument document = document(invoice, command);
      MailTemplate template = templates.find(practice, document.kind(), document.language())
          .orElseGet(() -> services.defaultTemplate(document.kind(), document.language()));
      if (outbox.findMail(practice, messageId(practice, document)).isPresent()) {
        // Read again: under read committed the invoice above may predate the send that queued it.
        return new Loaded(invoices.find(practice, command.invoiceId()).orElseThrow(), document, template, true);
      }
      return new Loaded(invoice, document, template, false);
    });
    if (loaded.queued()) {
      return new InvoiceAnswer(loaded.invoice(), true);
    }
    InvoiceDocument document = loaded.document();
    String to = document.customer().email();
    if (to.isBlank()) {
      throw InvalidInputException.of("email", loaded.invoice().patient(), "patient '" + loaded.invoice().patient()
          + "' had no e-mail address when invoice " + document.number() + " was issued; the invoice stays "
          + loaded.invoice().state().name().toLowerCase());
    }
    String messageId = messageId(practice, document);
    DocumentServices.RenderedMail mail = services.render(loaded.template(), document);
    byte[] pdf = services.pdf(document);
    byte[] content = MailCodec.encode(new DocumentServices.OutgoingMail(messageId, document.supplier().email(),
        document.supplier().name(), to, mail,
        List.of(new DocumentServices.Attachment(document.number() + ".pdf", "application/pdf", pdf))));
    return write.run("sendInvoice", practice, command.invoiceId(), answer -> new InvoiceAnswer(answer.invoice(), false),
        events -> {
          ProductInvoice invoice = InvoiceSteps.lock(invoices, practice, command.invoiceId());
          if (outbox.findMail(practice, messageId).isPresent()) {
            return new InvoiceAnswer(invoice, true); // a concurrent send queued it first
          }
          InvoiceDocument now = document(invoice, command);
          if (!now.number().equals(document.number())) {
            throw new ConflictException(invoice.id().value(), "the invoice was cancelled while its mail was"
                + " rendered; send it again to mail the credit note " + now.number());
          }
          Instant at = clock.instant();
          ProductInvoice sent = invoice;
          if (command.creditNote().isEmpty() && invoice.cancellation().isEmpty() && invoice.sentAt().isEmpty()) {
            sent = ValueBuilders.productInvoice().from(invoice).sentAt(at).build();
            invoices.update(sent);
          }
          outbox.add(new Outbox.NewMessage(UUID.randomUUID().toString(), practice, MessageKind.MAIL, to,
              mail.subject(), messageId, content, at, at));
          events.add(new InvoiceEvents.InvoiceSent(practice, at, command.actor().userId(), invoice.id(),
              document.number()));
          return new InvoiceAnswer(sent, false);
        });
  }

  /**
   * What is mailed: the refund's credit note the command names, else the credit note of a cancelled
   * invoice, else the invoice; a draft has nothing.
   */
  private InvoiceDocument document(ProductInvoice invoice, SendInvoice command) {
    if (command.creditNote().isPresent()) {
      String number = command.creditNote().get();
      return invoices.creditNotes(invoice.practice(), invoice.id()).stream()
          .filter(note -> note.number().equals(number)).findFirst()
          .orElseThrow(() -> new NotFoundException("credit note", number + " of invoice " + invoice.id(),
              invoice.practice()))
          .document(invoice);
    }
    Optional<InvoiceDocument> document = invoice.creditNote().or(invoice::document);
    return document.orElseThrow(() -> InvoiceSteps.inState(invoice, "a draft has no number yet; issue it first"));
  }

  /** Stable per document: every send and resend of it has the same id. */
  private static String messageId(PracticeId practice, InvoiceDocument document) {
    return document.kind().name().toLowerCase() + "." + document.number() + "." + practice.value() + "@pakketten";
  }
}
