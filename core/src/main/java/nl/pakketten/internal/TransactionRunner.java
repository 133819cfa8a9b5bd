package nl.pakketten.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.EventPublisher;
import nl.pakketten.common.TransactionFailedException;
import nl.pakketten.common.TransientException;
import nl.pakketten.common.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command's work in one transaction, retries transient failures a bounded number of times,
 * and publishes the events the work raised only after the transaction committed.
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

  /** Runs {@code work}; it adds the events it raises to the list it is given. */
  public <T> T run(String operation, Function<List<DomainEvent>, T> work) {
    TransientException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      List<DomainEvent> events = new ArrayList<>();
      try {
        T result = transactions.inTransaction(() -> work.apply(events));
        publish(events);
        return result;
      } catch (TransientException e) {
        last = e;
        LOG.debug("{}: attempt {} of {} failed transiently: {}", operation, attempt, maxAttempts, e.getMessage());
        backOff(attempt);
      }
    }
    throw new TransactionFailedException(operation, maxAttempts, last);
  }

  /** Runs read-only work in one transaction, with the same retries. */
  public <T> T read(String operation, java.util.function.Supplier<T> work) {
    return run(operation, events -> work.get());
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
      Thread.sleep(Math.min(50, (long) attempt * attempt + java.util.concurrent.ThreadLocalRandom.current().nextInt(3)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while retrying", e);
    }
  }
}
