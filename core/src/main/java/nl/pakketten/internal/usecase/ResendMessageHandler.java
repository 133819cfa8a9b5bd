package nl.pakketten.internal.usecase;

import java.time.Clock;
import nl.pakketten.access.Action;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxState;
import nl.pakketten.outbox.ResendMessage;
import nl.pakketten.spi.Outbox;

/**
 * Use case: queue a sent or failed outbox message again, for a new round of attempts; a queued one
 * is left as it is.
 *
 * @param outbox the outbox
 * @param writes the path the command takes
 * @param clock when it is due again
 */
public record ResendMessageHandler(Outbox outbox, WritePath writes, Clock clock) {
  /** Queues the message again and answers with it. */
  public OutboxMessage handle(ResendMessage command) {
    return writes.check(command).access(command.actor(), Action.MANAGE_INVOICES)
        .run("resendMessage", command.practice(), command.id(), events -> {
          OutboxMessage message = outbox.lock(command.practice(), command.id())
              .orElseThrow(() -> new NotFoundException("outbox message", command.id(), command.practice()));
          if (message.state() == OutboxState.QUEUED) {
            return message;
          }
          outbox.requeue(message.id(), clock.instant());
          return outbox.find(command.practice(), message.id()).orElseThrow();
        });
  }
}
