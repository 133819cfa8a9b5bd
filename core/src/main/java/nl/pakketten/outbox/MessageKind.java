package nl.pakketten.outbox;

/** What an outbox message carries. */
public enum MessageKind {
  /** A mail to a patient (an invoice or a credit note), delivered through the configured sender. */
  MAIL,
  /** A domain event, published to the host's {@code EventPublisher}. */
  EVENT
}
