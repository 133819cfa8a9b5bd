package nl.pakketten.spi;

import nl.pakketten.common.DomainEvent;

/**
 * Port: where the SDK hands its domain events to the host. Called after the change is stored, in
 * the order the changes happened, on the calling thread.
 */
@FunctionalInterface
public interface EventPublisher {
  /** Receives one event; an exception thrown here does not undo the stored change. */
  void publish(DomainEvent event);

  /** A publisher that drops every event. */
  static EventPublisher none() {
    return event -> {};
  }
}
