package nl.pakketten.spring;

import nl.pakketten.common.DomainEvent;
import nl.pakketten.spi.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands the SDK's domain events to Spring's {@link ApplicationEventPublisher}, so that plain
 * {@code @EventListener}s receive them, but only once they are true: inside a Spring transaction the
 * SDK's command has only joined it, so each event waits for that transaction's commit (in the order
 * the events were raised) and is dropped when it rolls back. Outside a Spring transaction the SDK
 * committed its own transaction before publishing, so the event goes out at once.
 *
 * <p>A listener that throws after the commit does not reach the caller, who would otherwise take a
 * committed change for a failed one; it is logged at WARN on {@code nl.pakketten.events} with the
 * event's type, as the core does, and the remaining events are still published.
 */
final class AfterCommitEventPublisher implements EventPublisher {
  private static final Logger EVENTS = LoggerFactory.getLogger("nl.pakketten.events");

  private final ApplicationEventPublisher publisher;

  AfterCommitEventPublisher(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void publish(DomainEvent event) {
    if (TransactionSynchronizationManager.isActualTransactionActive()
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          publishAfterCommit(event);
        }
      });
    } else {
      publisher.publishEvent(event);
    }
  }

  private void publishAfterCommit(DomainEvent event) {
    try {
      publisher.publishEvent(event);
    } catch (RuntimeException e) {
      EVENTS.warn("event listener failed after commit event={} exception={}",
          event.getClass().getSimpleName(), e.getClass().getName());
    }
  }
}
