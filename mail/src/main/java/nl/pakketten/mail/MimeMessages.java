package nl.pakketten.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.spi.DocumentServices.Attachment;
import nl.pakketten.spi.DocumentServices.OutgoingMail;

/**
 * The one place an {@link OutgoingMail} becomes a MIME message, for every way of sending it (SMTP,
 * files): multipart/mixed holding a multipart/alternative (text, then HTML) and the attachments,
 * with a Message-ID that is stable per {@link OutgoingMail#messageId()}.
 */
final class MimeMessages {
  private MimeMessages() {}

  /**
   * Builds the message.
   *
   * @throws InvalidInputException for a blank message id or a sender or recipient that is not an
   *     e-mail address (fields {@code messageId}, {@code fromAddress}, {@code to})
   */
  static MimeMessage of(Session session, OutgoingMail mail) {
    if (mail.messageId().isBlank()) {
      throw InvalidInputException.of("messageId", mail.messageId(), "is blank: a resend could not be recognised");
    }
    InternetAddress from = address("fromAddress", mail.fromAddress());
    InternetAddress to = address("to", mail.to());
    try {
      from.setPersonal(mail.fromName(), StandardCharsets.UTF_8.name());
      MimeMessage message = new StableIdMessage(session, messageId(mail.messageId(), from));
      message.setFrom(from);
      message.setRecipient(MimeMessage.RecipientType.TO, to);
      message.setSubject(mail.mail().subject(), StandardCharsets.UTF_8.name());

      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.mail().text(), StandardCharsets.UTF_8.name());
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.mail().html(), StandardCharsets.UTF_8.name(), "html");
      MimeMultipart alternative = new MimeMultipart("alternative", text, html);
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);

      MimeMultipart mixed = new MimeMultipart("mixed", body);
      for (Attachment attachment : mail.attachments()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName());
        part.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(part);
      }
      message.setContent(mixed);
      message.saveChanges();
      return message;
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("every JVM has UTF-8", e);
    } catch (MessagingException e) {
      throw new IllegalStateException("could not build the message " + mail.messageId(), e);
    }
  }

  private static InternetAddress address(String field, String address) {
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      return parsed;
    } catch (AddressException e) {
      throw InvalidInputException.of(field, address, "is not an e-mail address: " + e.getMessage());
    }
  }

  /**
   * {@code <id@domain>} from the caller's stable id and the sender's domain, so a resend carries the
   * same Message-ID and a receiving server or client can recognise the duplicate. Characters other
   * than letters, digits, '-' and '_' are written as {@code =XX} (UTF-8, hex), which keeps the id a
   * valid dot-atom and keeps two different ids apart.
   */
  static String messageId(String id, InternetAddress from) {
    StringBuilder local = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        local.append(c);
      } else {
        local.append('=').append(String.format("%02X", b & 0xff));
      }
    }
    String sender = from.getAddress();
    return "<" + local + "@" + sender.substring(sender.lastIndexOf('@') + 1) + ">";
  }

  /** Jakarta Mail gives every saved message a new random Message-ID; this one keeps the stable id. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
