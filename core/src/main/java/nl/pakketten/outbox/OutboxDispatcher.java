package nl.pakketten.outbox;

/**
 * A dispatcher running on a thread of its own, started with {@code
 * Pakketten.startOutboxDispatcher(...)}: it delivers due messages, then waits its interval, until
 * it is closed. A round that throws (the database unreachable) is logged and the next round runs
 * at the next interval.
 */
public interface OutboxDispatcher extends AutoCloseable {
  /**
   * Stops the dispatcher: no new round starts. A round under way is waited for, up to a minute;
   * then its thread is interrupted, the round stops after the batch it is delivering, and this
   * method returns without waiting further. Messages not delivered stay queued.
   */
  @Override
  void close();
}
