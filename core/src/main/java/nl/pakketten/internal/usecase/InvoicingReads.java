package nl.pakketten.internal.usecase;

import java.util.Locale;
import java.util.Optional;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.MailTemplates;
import nl.pakketten.spi.PracticeProfiles;
import org.jspecify.annotations.Nullable;

/**
 * Reads of invoicing: the practice profile, invoices and the templates in use.
 *
 * @param profiles the profiles read
 * @param invoices the invoices read
 * @param templates the practices' own templates
 * @param documents the shipped default templates; null when none are configured
 * @param tx runs each read in a read transaction
 */
public record InvoicingReads(PracticeProfiles profiles, Invoices invoices, MailTemplates templates,
    @Nullable DocumentServices documents, TransactionRunner tx) {
  /** The practice's profile, if saved. */
  public Optional<PracticeProfile> practiceProfile(PracticeId practice) {
    return tx.read("practiceProfile", practice, () -> profiles.find(practice));
  }

  /** The invoice, if it exists in the practice. */
  public Optional<ProductInvoice> findInvoice(PracticeId practice, InvoiceId id) {
    return tx.read("findInvoice", practice, () -> invoices.find(practice, id));
  }

  /** The credit notes refunds issued for the invoice, in the order they were issued. */
  public java.util.List<nl.pakketten.sale.RefundCreditNote> creditNotes(PracticeId practice, InvoiceId id) {
    return tx.read("creditNotes", practice, () -> invoices.creditNotes(practice, id));
  }

  /** The practice's template, else the shipped default, else nothing. */
  public Optional<MailTemplate> mailTemplate(PracticeId practice, DocumentKind kind, Locale language) {
    Optional<MailTemplate> own = tx.read("mailTemplate", practice, () -> templates.find(practice, kind, language));
    return own.isPresent() || documents == null ? own : Optional.of(documents.defaultTemplate(kind, language));
  }
}
