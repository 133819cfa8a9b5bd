package nl.pakketten.spi;

import nl.pakketten.common.DomainEvent;

/**
 * Port: where the SDK hands its domain events to the host. Called after the change is stored, in
 * the order the changes happened, on the calling thread.
 */
@FunctionalInterface
public interface EventPublisher {
  /**
   * Receives one event; an exception thrown here does not undo the stored change.
   *
   * @param event the event, its change already stored
   */
  void publish(DomainEvent event);

  /**
   * A publisher that drops every event.
   *
   * @return the publisher of a host that listens to no events
   */
  static EventPublisher none() {
    return event -> {};
  }
}
