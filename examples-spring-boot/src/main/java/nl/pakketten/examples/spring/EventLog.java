package nl.pakketten.examples.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.pakketten.common.DomainEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A plain {@code @EventListener} for the SDK's events. The starter delivers them after the
 * transaction commits, so nothing here ever hears of a change that was rolled back.
 */
@Component
public class EventLog {
  private final List<String> received = new CopyOnWriteArrayList<>();

  @EventListener
  void on(DomainEvent event) {
    received.add(event.getClass().getSimpleName());
  }

  /** The type of every event received, in order. */
  public List<String> received() {
    return List.copyOf(received);
  }
}
