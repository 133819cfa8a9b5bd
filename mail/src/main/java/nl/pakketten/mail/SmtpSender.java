package nl.pakketten.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.spi.DocumentServices.OutgoingMail;
import nl.pakketten.spi.TransientException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends a mail over SMTP with Jakarta Mail (Eclipse Angus), as {@link MimeMessages} builds it.
 *
 * <p>What a failure means, for the caller that retries:
 *
 * <ul>
 *   <li>no connection, or a timeout or lost connection before the server's 354 to {@code DATA}, or
 *       a 4xx reply: {@link TransientException}, not sent ({@code outcomeUnknown} false);
 *   <li>a timeout or lost connection after that 354, while the message was sent or its reply
 *       awaited: {@link TransientException} with {@code outcomeUnknown} true — the server may have
 *       accepted it; the stable Message-ID marks a duplicate if it is sent again;
 *   <li>a 5xx reply: {@link InvalidInputException} (field {@code to} for a refused recipient,
 *       {@code mail} otherwise) — sending it again will not help;
 *   <li>the login refused: {@link IllegalStateException}, a configuration error of the host.
 * </ul>
 */
final class SmtpSender implements Sender {
  /** The server's "start mail input" reply to DATA: from here on it may take the message. */
  private static final int START_MAIL_INPUT = 354;

  private final SmtpSettings settings;
  private final Session session;

  SmtpSender(SmtpSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings));
  }

  private static Properties properties(SmtpSettings settings) {
    String millis = Long.toString(settings.timeout().toMillis());
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", Integer.toString(settings.port()));
    properties.put("mail.smtp.auth", Boolean.toString(settings.user() != null));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
    properties.put("mail.smtp.connectiontimeout", millis);
    properties.put("mail.smtp.timeout", millis);
    properties.put("mail.smtp.writetimeout", millis);
    return properties;
  }

  @Override
  public void send(OutgoingMail mail) {
    MimeMessage message = MimeMessages.of(session, mail);
    Transport transport;
    try {
      transport = session.getTransport("smtp");
    } catch (MessagingException e) {
      throw new IllegalStateException("no SMTP provider on the class or module path (org.eclipse.angus:angus-mail)",
          e);
    }
    try {
      connect(transport, mail);
      transfer(transport, message, mail);
    } finally {
      try {
        transport.close();
      } catch (MessagingException e) {
        // The message was handed over (or the failure is already being thrown); QUIT is a courtesy.
      }
    }
  }

  private void connect(Transport transport, OutgoingMail mail) {
    try {
      transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
    } catch (AuthenticationFailedException e) {
      throw new IllegalStateException("the SMTP server " + settings + " refused the login", e);
    } catch (MessagingException e) {
      throw new TransientException("could not connect to the SMTP server " + settings + " to send "
          + mail.messageId() + "; not sent", e);
    }
  }

  private void transfer(Transport transport, MimeMessage message, OutgoingMail mail) {
    try {
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      int code = replyCode(e);
      if (code >= 400 && code < 500) {
        throw new TransientException("the SMTP server " + settings + " deferred " + mail.messageId()
            + " (" + code + "); not sent", e);
      }
      if (code >= 500) {
        if (e instanceof SendFailedException failed && refusedRecipient(failed)) {
          throw InvalidInputException.of("to", mail.to(), "was refused by the SMTP server: " + e.getMessage());
        }
        throw InvalidInputException.of("mail", mail.messageId(), "was refused by the SMTP server: " + e.getMessage());
      }
      // No reply at all: the connection was lost or timed out. Whether the server has the message
      // depends on how far the conversation got.
      boolean mayHaveArrived = inDataPhase(transport, e);
      throw new TransientException("the connection to the SMTP server " + settings + " failed while sending "
          + mail.messageId() + (mayHaveArrived ? "; it may have been accepted" : "; not sent"),
          mayHaveArrived, true, e);
    }
  }

  /**
   * Whether the message may have reached the server: the failure came while the message was being
   * sent (the last reply was the 354 to DATA) or while its final "." awaited the server's verdict.
   * Before that, a server that loses the connection discards what it had.
   */
  private static boolean inDataPhase(Transport transport, MessagingException e) {
    if (e instanceof SMTPSendFailedException failed && ".".equals(failed.getCommand())) {
      return true;
    }
    return transport instanceof SMTPTransport smtp && smtp.getLastReturnCode() == START_MAIL_INPUT;
  }

  /** The server's reply code in the failure or a nested one, or -1 when the server gave none. */
  private static int replyCode(MessagingException e) {
    for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
      if (next instanceof SMTPSendFailedException failed && failed.getReturnCode() > 0) {
        return failed.getReturnCode();
      }
      if (next instanceof SMTPAddressFailedException address && address.getReturnCode() > 0) {
        return address.getReturnCode();
      }
    }
    return -1;
  }

  private static boolean refusedRecipient(SendFailedException e) {
    Address[] invalid = e.getInvalidAddresses();
    return invalid != null && invalid.length > 0;
  }
}
