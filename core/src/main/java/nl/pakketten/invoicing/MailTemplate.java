package nl.pakketten.invoicing;

import java.util.Locale;
import java.util.Objects;

/**
 * A practice's e-mail template for one kind of document in one language (Mustache syntax; the
 * placeholders are documented in {@code docs/mail.md}). The HTML part's values are escaped;
 * the plain-text part is sent beside it.
 *
 * @param kind the document it mails
 * @param language the language it is written in
 * @param subject the subject line (a template too)
 * @param html the HTML body
 * @param text the plain-text body
 */
public record MailTemplate(DocumentKind kind, Locale language, String subject, String html, String text) {
  /**
   * Checks that no part is missing.
   *
   * @param kind the document it mails
   * @param language the language it is written in
   * @param subject the subject line (a template too)
   * @param html the HTML body
   * @param text the plain-text body
   */
  public MailTemplate {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
  }
}
