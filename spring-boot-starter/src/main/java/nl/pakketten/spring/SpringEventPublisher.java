package nl.pakketten.spring;

import nl.pakketten.common.DomainEvent;
import nl.pakketten.spi.EventPublisher;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Hands the SDK's domain events to Spring's {@link ApplicationEventPublisher}, so that plain
 * {@code @EventListener}s receive them. The core calls it only once the change is committed: right
 * after the SDK's own commit, or, when a command joined a Spring transaction, from that
 * transaction's {@code afterCommit} ({@link SpringHostTransaction#afterCommit}); a rolled-back
 * transaction publishes nothing, since its events were never stored in the outbox.
 *
 * <p>A listener that throws does not reach the caller, who would otherwise take a committed change
 * for a failed one: the core logs it at WARN on {@code nl.pakketten.events} with the event's type,
 * publishes the remaining events, and leaves the failed one in the outbox for the dispatcher to
 * publish again.
 */
final class SpringEventPublisher implements EventPublisher {
  private final ApplicationEventPublisher publisher;

  SpringEventPublisher(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void publish(DomainEvent event) {
    publisher.publishEvent(event);
  }
}
