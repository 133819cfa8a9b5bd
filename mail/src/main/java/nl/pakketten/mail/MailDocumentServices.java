package nl.pakketten.mail;

import java.util.List;
import java.util.Locale;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.spi.DocumentServices;

/** The four parts of the module behind the one port the core knows. */
final class MailDocumentServices implements DocumentServices {
  private final Templates templates;
  private final InvoicePdf pdf;
  private final Sender sender;

  MailDocumentServices(Templates templates, InvoicePdf pdf, Sender sender) {
    this.templates = templates;
    this.pdf = pdf;
    this.sender = sender;
  }

  @Override
  public void checkTemplate(MailTemplate template) {
    templates.check(template);
  }

  @Override
  public MailTemplate defaultTemplate(DocumentKind kind, Locale language) {
    return templates.defaultTemplate(kind, Language.of(language));
  }

  @Override
  public RenderedMail render(MailTemplate template, InvoiceDocument document) {
    return templates.render(template, document);
  }

  @Override
  public byte[] pdf(InvoiceDocument document) {
    return pdf.render(document);
  }

  @Override
  public void send(OutgoingMail mail) {
    sender.send(mail);
  }

  @Override
  public List<String> ibanProblems(String iban) {
    return Ibans.problems(iban);
  }
}
