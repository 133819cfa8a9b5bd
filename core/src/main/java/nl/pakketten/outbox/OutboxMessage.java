package nl.pakketten.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import nl.pakketten.common.PracticeId;

/**
 * One message of the outbox as the host sees it: what it is, to whom, and how its delivery went.
 * Its content (the rendered mail and its attachments, or the event) stays inside the SDK.
 *
 * @param id the SDK's id of the message, unique across practices
 * @param practice the practice it belongs to
 * @param kind a mail or an event
 * @param recipient a mail's address; an event's type
 * @param subject a mail's subject line; an event's type
 * @param messageId a mail's stable {@code Message-ID} (the same for every attempt and resend, so
 *     that a receiving side can tell a duplicate); an event's outbox id
 * @param state queued, sent or failed
 * @param attempts the delivery attempts made so far (since the last resend)
 * @param lastError why the last attempt failed, if it did
 * @param queuedAt when it was queued (or resent)
 * @param nextAttemptAt when a dispatcher may next try it (while queued)
 * @param sentAt when it was delivered, if it was
 */
public record OutboxMessage(String id, PracticeId practice, MessageKind kind, String recipient, String subject,
    String messageId, OutboxState state, int attempts, Optional<String> lastError, Instant queuedAt,
    Instant nextAttemptAt, Optional<Instant> sentAt) {
  /**
   * Checks that nothing is missing.
   *
   * @param id the SDK's id of the message, unique across practices
   * @param practice the practice it belongs to
   * @param kind a mail or an event
   * @param recipient a mail's address; an event's type
   * @param subject a mail's subject line; an event's type
   * @param messageId a mail's stable {@code Message-ID}; an event's outbox id
   * @param state queued, sent or failed
   * @param attempts the delivery attempts made so far (since the last resend)
   * @param lastError why the last attempt failed, if it did
   * @param queuedAt when it was queued (or resent)
   * @param nextAttemptAt when a dispatcher may next try it (while queued)
   * @param sentAt when it was delivered, if it was
   */
  public OutboxMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(queuedAt, "queuedAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(sentAt, "sentAt");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
    }
  }
}
