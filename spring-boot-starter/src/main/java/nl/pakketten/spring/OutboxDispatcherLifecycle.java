package nl.pakketten.spring;

import java.time.Duration;
import nl.pakketten.Pakketten;
import nl.pakketten.outbox.OutboxDispatcher;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the SDK's outbox dispatcher when the application context has started and closes it when
 * the context stops, so queued mail is sent and left-over events are published without the
 * application scheduling anything.
 */
final class OutboxDispatcherLifecycle implements SmartLifecycle {
  private final Pakketten pakketten;
  private final Duration interval;
  private @Nullable OutboxDispatcher running;

  OutboxDispatcherLifecycle(Pakketten pakketten, Duration interval) {
    this.pakketten = pakketten;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    if (running == null) {
      running = pakketten.startOutboxDispatcher(interval);
    }
  }

  @Override
  public synchronized void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running != null;
  }
}
