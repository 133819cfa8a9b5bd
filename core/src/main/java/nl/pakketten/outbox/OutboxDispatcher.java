package nl.pakketten.outbox;

/**
 * A dispatcher running on a thread of its own, started with {@code
 * Pakketten.startOutboxDispatcher(...)}: it delivers due messages, then waits its interval, until
 * it is closed. A round that throws (the database unreachable) is logged and the next round runs
 * at the next interval.
 */
public interface OutboxDispatcher extends AutoCloseable {
  /**
   * Stops the dispatcher: no new round starts; a round under way finishes its current message and
   * stops. Waits until the thread has ended. Messages not delivered stay queued.
   */
  @Override
  void close();
}
