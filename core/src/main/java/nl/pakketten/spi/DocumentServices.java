package nl.pakketten.spi;

import java.util.List;
import java.util.Locale;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.MailTemplate;

/**
 * What the invoicing use cases need from outside the core to make and send documents: a template
 * engine, a PDF renderer, a mail sender and an IBAN check. The optional module {@code
 * pakketten-mail} provides them (JMustache, openhtmltopdf, Jakarta Mail, iban4j); set them with
 * {@code Pakketten.builder().documents(...)}.
 */
public interface DocumentServices {
  /**
   * Checks a template by rendering it against sample data.
   *
   * @param template the template to check
   * @throws nl.pakketten.common.InvalidInputException naming the unknown placeholder or the syntax
   *     error (field {@code subject}, {@code html} or {@code text})
   */
  void checkTemplate(MailTemplate template);

  /**
   * The default template of a kind in a language ({@code nl} and {@code en} are shipped).
   *
   * @param kind the document kind
   * @param language the language
   * @return the shipped template, English when the language has none
   */
  MailTemplate defaultTemplate(DocumentKind kind, Locale language);

  /**
   * Renders a template for a document.
   *
   * @param template the practice's (checked) template
   * @param document the issued document
   * @return the subject, HTML and plain-text parts
   */
  RenderedMail render(MailTemplate template, InvoiceDocument document);

  /**
   * The document as a PDF.
   *
   * @param document the issued document
   * @return the PDF's bytes
   */
  byte[] pdf(InvoiceDocument document);

  /**
   * Sends a mail. Idempotent on {@link OutgoingMail#messageId()} as far as the transport allows.
   *
   * @param mail the mail
   * @throws TransientException when the server could not be reached or did not answer: not sent
   *     ({@link TransientException#outcomeUnknown()} false; try again), or the connection was lost
   *     after the server took the message (true: it may have been sent)
   * @throws nl.pakketten.common.InvalidInputException when the server refused the recipient or the
   *     message for good (a 5xx reply)
   * @throws IllegalStateException when the server refused the credentials
   */
  void send(OutgoingMail mail);

  /**
   * Whether an IBAN is valid (country, length, check digits), checked by a kept library.
   *
   * @param iban the IBAN, without spaces
   * @return an empty list when valid, else what is wrong
   */
  List<String> ibanProblems(String iban);

  /**
   * A rendered mail.
   *
   * @param subject the subject line
   * @param html the HTML body
   * @param text the plain-text body
   */
  record RenderedMail(String subject, String html, String text) {}

  /**
   * A mail to send.
   *
   * @param messageId a stable id (the document's number and practice), for idempotent sending
   * @param fromAddress the practice's sender address
   * @param fromName the practice's sender name
   * @param to the patient's address
   * @param mail the rendered parts
   * @param attachments the attachments (the PDF)
   */
  record OutgoingMail(String messageId, String fromAddress, String fromName, String to, RenderedMail mail,
      List<Attachment> attachments) {
    /**
     * Copies the attachments.
     *
     * @param messageId a stable id (the document's number and practice), for idempotent sending
     * @param fromAddress the practice's sender address
     * @param fromName the practice's sender name
     * @param to the patient's address
     * @param mail the rendered parts
     * @param attachments the attachments (the PDF)
     */
    public OutgoingMail {
      attachments = List.copyOf(attachments);
    }
  }

  /**
   * An attachment.
   *
   * @param fileName its file name
   * @param contentType its MIME type
   * @param content its bytes
   */
  record Attachment(String fileName, String contentType, byte[] content) {}
}
