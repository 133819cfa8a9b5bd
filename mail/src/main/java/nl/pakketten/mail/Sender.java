package nl.pakketten.mail;

import nl.pakketten.spi.DocumentServices.OutgoingMail;

/**
 * Where a built mail goes: over SMTP ({@link SmtpSender}) or into a directory ({@link FileSender}).
 * Both build the message with {@link MimeMessages}; both may be called again with the same
 * message id (a resend).
 */
interface Sender {
  /**
   * Sends or writes one mail; the failure semantics are those of {@code DocumentServices.send}.
   *
   * @param mail the mail
   */
  void send(OutgoingMail mail);
}
