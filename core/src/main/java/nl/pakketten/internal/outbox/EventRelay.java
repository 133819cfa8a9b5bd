package nl.pakketten.internal.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.outbox.OutboxSettings;
import nl.pakketten.spi.EventPublisher;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a command's events through the outbox: {@link #stage} writes them in the command's
 * transaction and asks the adapter to {@link #deliver} them right after its commit, on the calling
 * thread; delivered events are removed. What is not delivered then (the process ended, the
 * publisher threw, the adapter could not run work after the commit) stays queued for the
 * dispatcher. With {@link EventPublisher#none()} nothing is written.
 */
public final class EventRelay {
  private static final Logger EVENTS_LOG = LoggerFactory.getLogger("nl.pakketten.events");

  private final Transactions transactions;
  private final Outbox outbox;
  private final EventPublisher publisher;
  private final Clock clock;
  private final OutboxSettings settings;

  /**
   * A relay over the given ports.
   *
   * @param transactions the adapter's transactions
   * @param outbox the adapter's outbox
   * @param publisher the host's publisher
   * @param clock the SDK's clock
   * @param settings the outbox's settings
   */
  public EventRelay(Transactions transactions, Outbox outbox, EventPublisher publisher, Clock clock,
      OutboxSettings settings) {
    this.transactions = transactions;
    this.outbox = outbox;
    this.publisher = publisher;
    this.clock = clock;
    this.settings = settings;
  }

  /** An event and its id in the outbox. */
  public record Staged(String id, DomainEvent event) {}

  /**
   * Writes {@code events} to the outbox in the transaction open on this thread, and has them
   * delivered after its commit when the adapter can; else they are due for the dispatcher at once.
   *
   * @param events the events a command raised, in order
   * @return the staged events (empty when there are none, or nobody listens)
   */
  public List<Staged> stage(List<DomainEvent> events) {
    if (events.isEmpty() || publisher == EventPublisher.none()) {
      return List.of();
    }
    List<Staged> staged = new ArrayList<>(events.size());
    for (DomainEvent event : events) {
      staged.add(new Staged(UUID.randomUUID().toString(), event));
    }
    List<Staged> taken = List.copyOf(staged);
    boolean afterCommit = transactions.afterCommit(() -> deliver(taken));
    Instant now = clock.instant();
    // Left to the calling thread for a grace period, so a dispatcher does not publish it meanwhile.
    Instant due = afterCommit ? now.plus(settings.eventGrace()) : now;
    for (Staged s : taken) {
      String type = s.event().getClass().getSimpleName();
      outbox.add(new Outbox.NewMessage(s.id(), s.event().practice(), MessageKind.EVENT, type, type, s.id(),
          EventCodec.encode(s.event()).getBytes(StandardCharsets.UTF_8), now, due));
    }
    return taken;
  }

  /**
   * Publishes staged events whose transaction committed, then removes them from the outbox (in a
   * transaction of its own); one whose publishing threw stays queued with the error, for the
   * dispatcher to try again after the first backoff.
   *
   * @param staged the events, in order
   */
  public void deliver(List<Staged> staged) {
    if (staged.isEmpty()) {
      return;
    }
    List<String> delivered = new ArrayList<>(staged.size());
    List<Staged> failed = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Staged s : staged) {
      try {
        publisher.publish(s.event());
        delivered.add(s.id());
      } catch (RuntimeException e) {
        // The event's type only: its content names patients and may carry free-text reasons.
        EVENTS_LOG.warn("Event publisher failed on a {}; the change itself is stored and the dispatcher publishes"
            + " the event again later", s.event().getClass().getSimpleName(), e);
        failed.add(s);
        errors.add(OutboxDispatch.describe(e));
      }
    }
    Instant next = clock.instant().plus(settings.firstBackoff());
    try {
      transactions.inTransaction(() -> {
        outbox.remove(delivered);
        for (int i = 0; i < failed.size(); i++) {
          outbox.markFailed(failed.get(i).id(), errors.get(i), next);
        }
        return null;
      });
    } catch (RuntimeException e) {
      EVENTS_LOG.warn("Published {} events but could not remove them from the outbox; a dispatcher publishes them"
          + " again after {}", delivered.size(), settings.eventGrace(), e);
    }
  }
}
