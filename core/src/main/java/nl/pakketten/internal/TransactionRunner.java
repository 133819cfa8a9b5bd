package nl.pakketten.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.outbox.EventRelay;
import nl.pakketten.spi.CommandObserver.Command;
import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.Transactions;
import nl.pakketten.spi.TransientException;
import nl.pakketten.storage.OutcomeUnknownException;
import nl.pakketten.storage.TransactionFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Runs a command's work in one transaction, retries transient failures a bounded number of times,
 * and writes the events the work raised to the outbox in that transaction, to be published after
 * its commit ({@link EventRelay}).
 *
 * <p>Every command is idempotent on its key, so a retry is safe even when the previous attempt's
 * outcome is unknown (its connection ended around the commit): if that attempt was stored, the
 * retry finds it and answers as a replay, raising no events of its own; the runner then publishes
 * the events of the attempt that was stored (and removes them from the outbox), so a host sees them
 * once.
 */
public final class TransactionRunner {
  /** The MDC key of the practice a command or read runs for. */
  public static final String MDC_PRACTICE = "pakketten.practice";
  /** The MDC key of the operation's name ({@code schedule}, {@code registerPayment}, {@code balance}, ...). */
  public static final String MDC_COMMAND = "pakketten.command";
  /** The MDC key of a command's idempotency key; absent during a read. */
  public static final String MDC_KEY = "pakketten.key";

  private static final Runnable NO_CHECKS = () -> { };

  private final Transactions transactions;
  private final @Nullable EventRelay relay;
  private final int maxAttempts;
  private final CommandObserver listener;

  /** A runner whose commands' events are dropped. */
  public TransactionRunner(Transactions transactions, int maxAttempts) {
    this(transactions, null, maxAttempts, new CommandLog());
  }

  /**
   * A runner that takes its commands' events through {@code relay} (none: dropped) and tells {@code
   * listener} of every command, read and retry.
   */
  public TransactionRunner(Transactions transactions, @Nullable EventRelay relay, int maxAttempts,
      CommandObserver listener) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    this.transactions = transactions;
    this.relay = relay;
    this.maxAttempts = maxAttempts;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Runs {@code work}, a command of {@code practice} idempotent on {@code key} (an identifier or a
   * string), retrying it after any transient failure (an unknown outcome included); it adds the
   * events it raises to the list it is given. {@code checks} (validation, access) run first, once,
   * outside the transaction, so that a refusal is logged as the command's outcome too; {@code
   * practice} and {@code key} may still be {@code null} then, and must not be after them.
   */
  public <T> T run(String operation, PracticeId practice, Object key, Runnable checks,
      Function<List<DomainEvent>, T> work) {
    return command(new Command(operation, practice, key, false), checks, true, UnaryOperator.identity(), work);
  }

  /**
   * {@link #run(String, PracticeId, Object, Runnable, Function)} for a command whose answer says
   * whether it is a replay. When an attempt of this call was stored without the runner hearing so
   * (its commit was reported lost) and the next attempt therefore answered as its replay, the
   * caller gets {@code asFirstCall} of that answer: from the host's side this one call did the
   * work, so it must not read "already done" and skip acting on it.
   */
  public <T> T run(String operation, PracticeId practice, Object key, Runnable checks, UnaryOperator<T> asFirstCall,
      Function<List<DomainEvent>, T> work) {
    return command(new Command(operation, practice, key, false), checks, true, asFirstCall, work);
  }

  /**
   * Runs {@code work}, a command whose repeat cannot tell "done by an earlier attempt" from
   * "never possible" (a delete): definite conflicts are retried, an unknown outcome is thrown as
   * {@link OutcomeUnknownException} at once.
   */
  public <T> T runWithoutReplay(String operation, PracticeId practice, Object key, Runnable checks,
      Function<List<DomainEvent>, T> work) {
    return command(new Command(operation, practice, key, false), checks, false, UnaryOperator.identity(), work);
  }

  /** Runs read-only work for {@code practice} in one transaction, with the same retries. */
  public <T> T read(String operation, PracticeId practice, Supplier<T> work) {
    return command(new Command(operation, practice, null, true), NO_CHECKS, true, UnaryOperator.identity(),
        events -> work.get());
  }

  /**
   * Runs read-only work for {@code practice} once, after {@code checks} (validation, access), in
   * one {@linkplain nl.pakketten.spi.Transactions#inReadOnlyTransaction read-only transaction}: for
   * a read that hands what it reads to the caller as it goes (an export writing to a stream), which
   * a retry would hand over twice. A transient failure is thrown as {@link
   * TransactionFailedException} after the one attempt.
   */
  public <T> T readOnce(String operation, PracticeId practice, Runnable checks, Supplier<T> work) {
    return command(new Command(operation, practice, null, true), checks, true, UnaryOperator.identity(),
        events -> work.get(), true);
  }

  private <T> T command(Command command, Runnable checks, boolean replayable, UnaryOperator<T> asFirstCall,
      Function<List<DomainEvent>, T> work) {
    return command(command, checks, replayable, asFirstCall, work, false);
  }

  /**
   * Sets the MDC for the command, runs its checks and attempts, and tells the listener how it
   * ended; the caller's own MDC values for the same keys are put back afterwards.
   */
  private <T> T command(Command command, Runnable checks, boolean replayable, UnaryOperator<T> asFirstCall,
      Function<List<DomainEvent>, T> work, boolean once) {
    boolean timed = listener.timed(command);
    long started = timed ? System.nanoTime() : 0;
    String callerPractice = MDC.get(MDC_PRACTICE);
    String callerCommand = MDC.get(MDC_COMMAND);
    String callerKey = MDC.get(MDC_KEY);
    put(MDC_PRACTICE, command.practice());
    put(MDC_COMMAND, command.operation());
    put(MDC_KEY, command.key());
    int[] attempts = {0}; // counted by attempts(), read here however the command ends
    T answer = null;
    Throwable failure = null;
    try {
      checks.run();
      if (!command.read()) {
        Objects.requireNonNull(command.practice(), "practice");
        Objects.requireNonNull(command.key(), "key");
      }
      answer = attempts(command, replayable, asFirstCall, work, attempts, once);
      return answer;
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      listener.ended(command, answer, failure, attempts[0], timed ? System.nanoTime() - started : -1);
      put(MDC_PRACTICE, callerPractice);
      put(MDC_COMMAND, callerCommand);
      put(MDC_KEY, callerKey);
    }
  }

  private static void put(String key, Object value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value.toString());
    }
  }

  private <T> T attempts(Command command, boolean replayable, UnaryOperator<T> asFirstCall,
      Function<List<DomainEvent>, T> work, int[] tried, boolean once) {
    String operation = command.operation();
    String key = command.read() ? null : command.key().toString();
    TransientException last = null;
    boolean unknown = false;
    // The events of the latest attempt that may have been stored without the runner hearing so.
    List<DomainEvent> maybeStored = List.of();
    List<EventRelay.Staged> maybeStaged = List.of();
    int tries = once ? 1 : maxAttempts;
    for (int attempt = 1; attempt <= tries; attempt++) {
      tried[0] = attempt;
      List<DomainEvent> events = new ArrayList<>();
      List<EventRelay.Staged> staged = new ArrayList<>();
      try {
        T result = once
            ? transactions.inReadOnlyTransaction(() -> work.apply(events))
            : transactions.inTransaction(() -> {
              T answer = work.apply(events);
              if (relay != null) {
                staged.addAll(relay.stage(events)); // published after the commit
              }
              return answer;
            });
        // No events now but some from an attempt of unknown outcome: that attempt was stored and
        // this one answered as its replay.
        boolean answeredALostAttempt = events.isEmpty() && !maybeStored.isEmpty();
        if (answeredALostAttempt && relay != null) {
          relay.deliver(maybeStaged);
        }
        return answeredALostAttempt ? asFirstCall.apply(result) : result;
      } catch (TransientException e) {
        last = e;
        if (e.outcomeUnknown() && !command.read()) {
          unknown = true;
          if (!events.isEmpty()) {
            maybeStored = events;
            maybeStaged = List.copyOf(staged);
          }
        }
        if (!e.retryableHere()) {
          throw failure(operation, key, attempt, unknown, true, e);
        }
        if (unknown && !replayable) {
          throw failure(operation, key, attempt, true, false, e);
        }
        if (attempt < tries) {
          listener.retrying(command, attempt, maxAttempts, e);
          backOff(attempt);
        }
      }
    }
    throw failure(operation, key, tries, unknown, false, last);
  }

  private static RuntimeException failure(String operation, String key, int attempts, boolean unknown,
      boolean inHostTransaction, TransientException cause) {
    return unknown
        ? new OutcomeUnknownException(operation, key, attempts, inHostTransaction, cause)
        : new TransactionFailedException(operation, key, attempts, inHostTransaction, cause);
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
