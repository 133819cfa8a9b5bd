package nl.pakketten.spi;

import nl.pakketten.common.DomainEvent;

/**
 * Port: where the SDK hands its domain events to the host. A command's events are written to the
 * outbox in the command's transaction; right after the commit they are published here, in the
 * order they were raised, on the calling thread. An event whose publishing did not happen (the
 * process ended after the commit, this publisher threw, or the command joined a host transaction
 * whose commit the SDK is not told of) stays in the outbox and is published later by the outbox
 * dispatcher, on the dispatcher's thread: delivery is at least once, so a listener that must not
 * act twice keys on the event's content (a movement's id, an invoice's number).
 *
 * <p>With {@link #none()} the SDK writes no events to the outbox.
 */
@FunctionalInterface
public interface EventPublisher {
  /**
   * Receives one event; an exception thrown here does not undo the stored change: the event stays
   * in the outbox and the dispatcher publishes it again later.
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
    return NoEvents.NONE;
  }
}

/** The one publisher that drops every event, so the SDK can tell it apart. */
enum NoEvents implements EventPublisher {
  NONE;

  @Override
  public void publish(DomainEvent event) {
    // Dropped: the host listens to no events.
  }
}
