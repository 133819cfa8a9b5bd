package nl.pakketten.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.EventPublisher;
import nl.pakketten.common.OutcomeUnknownException;
import nl.pakketten.common.TransactionFailedException;
import nl.pakketten.common.TransientException;
import nl.pakketten.common.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command's work in one transaction, retries transient failures a bounded number of times,
 * and publishes the events the work raised only after the transaction committed.
 *
 * <p>Every command is idempotent on its key, so a retry is safe even when the previous attempt's
 * outcome is unknown (its connection ended around the commit): if that attempt was stored, the
 * retry finds it and answers as a replay, raising no events of its own; the runner then publishes
 * the events of the attempt that was stored, so a host sees them once.
 */
public final class TransactionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionRunner.class);

  private final Transactions transactions;
  private final EventPublisher publisher;
  private final int maxAttempts;

  public TransactionRunner(Transactions transactions, EventPublisher publisher, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    this.transactions = transactions;
    this.publisher = publisher;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Runs {@code work}, a command idempotent on {@code key}, retrying it after any transient
   * failure (an unknown outcome included); it adds the events it raises to the list it is given.
   */
  public <T> T run(String operation, String key, Function<List<DomainEvent>, T> work) {
    return attempts(operation, Objects.requireNonNull(key, "key"), true, UnaryOperator.identity(), work);
  }

  /**
   * {@link #run(String, String, Function)} for a command whose answer says whether it is a replay.
   * When an attempt of this call was stored without the runner hearing so (its commit was reported
   * lost) and the next attempt therefore answered as its replay, the caller gets {@code
   * asFirstCall} of that answer: from the host's side this one call did the work, so it must not
   * read "already done" and skip acting on it.
   */
  public <T> T run(String operation, String key, UnaryOperator<T> asFirstCall, Function<List<DomainEvent>, T> work) {
    return attempts(operation, Objects.requireNonNull(key, "key"), true, asFirstCall, work);
  }

  /**
   * Runs {@code work}, a command whose repeat cannot tell "done by an earlier attempt" from
   * "never possible" (a delete): definite conflicts are retried, an unknown outcome is thrown as
   * {@link OutcomeUnknownException} at once.
   */
  public <T> T runWithoutReplay(String operation, String key, Function<List<DomainEvent>, T> work) {
    return attempts(operation, Objects.requireNonNull(key, "key"), false, UnaryOperator.identity(), work);
  }

  /** Runs read-only work in one transaction, with the same retries. */
  public <T> T read(String operation, Supplier<T> work) {
    return attempts(operation, null, true, UnaryOperator.identity(), events -> work.get());
  }

  private <T> T attempts(String operation, String key, boolean replayable, UnaryOperator<T> asFirstCall,
      Function<List<DomainEvent>, T> work) {
    TransientException last = null;
    boolean unknown = false;
    // The events of the latest attempt that may have been stored without the runner hearing so.
    List<DomainEvent> maybeStored = List.of();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      List<DomainEvent> events = new ArrayList<>();
      try {
        T result = transactions.inTransaction(() -> work.apply(events));
        // No events now but some from an attempt of unknown outcome: that attempt was stored and
        // this one answered as its replay.
        boolean answeredALostAttempt = events.isEmpty() && !maybeStored.isEmpty();
        publish(answeredALostAttempt ? maybeStored : events);
        return answeredALostAttempt ? asFirstCall.apply(result) : result;
      } catch (TransientException e) {
        last = e;
        boolean readOnly = key == null;
        if (e.outcomeUnknown() && !readOnly) {
          unknown = true;
          if (!events.isEmpty()) {
            maybeStored = events;
          }
        }
        if (!e.retryableHere()) {
          throw failure(operation, key, attempt, unknown, true, e);
        }
        if (unknown && !replayable) {
          throw failure(operation, key, attempt, true, false, e);
        }
        LOG.debug("{} {}: attempt {} of {} failed transiently{}: {}", operation, key, attempt, maxAttempts,
            e.outcomeUnknown() ? " with an unknown outcome" : "", e.getMessage());
        if (attempt < maxAttempts) {
          backOff(attempt);
        }
      }
    }
    throw failure(operation, key, maxAttempts, unknown, false, last);
  }

  private static RuntimeException failure(String operation, String key, int attempts, boolean unknown,
      boolean inHostTransaction, TransientException cause) {
    return unknown
        ? new OutcomeUnknownException(operation, key, attempts, inHostTransaction, cause)
        : new TransactionFailedException(operation, key, attempts, inHostTransaction, cause);
  }

  private void publish(List<DomainEvent> events) {
    for (DomainEvent event : events) {
      try {
        publisher.publish(event);
      } catch (RuntimeException e) {
        LOG.warn("Event publisher failed on {}; the change itself is stored", event, e);
      }
    }
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(Math.min(50, (long) attempt * attempt + ThreadLocalRandom.current().nextInt(3)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while retrying", e);
    }
  }
}
