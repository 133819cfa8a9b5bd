package nl.pakketten.internal.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.outbox.DispatchResult;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.outbox.OutboxDispatcher;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxSettings;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.EventPublisher;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.Transactions;
import nl.pakketten.spi.TransientException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox messages: claims a batch in one transaction (each message's attempt counted
 * and leased), delivers each outside any transaction, and records each outcome in a transaction of
 * its own: a mail sent, an event removed, or a failure with its error and next attempt (doubling
 * backoff), or failed for good when the attempts ran out or the receiving side refused it.
 *
 * <p>A dispatcher that dies between the delivery and its record leaves the message leased; once the
 * lease ends another dispatcher delivers it again (a mail with the same {@code Message-ID}).
 */
public final class OutboxDispatch {
  private static final Logger LOG = LoggerFactory.getLogger("nl.pakketten.outbox");
  private static final int MAX_ERROR = 1000;

  private final Transactions transactions;
  private final Outbox outbox;
  private final EventPublisher publisher;
  private final @Nullable DocumentServices documents;
  private final Clock clock;
  private final OutboxSettings settings;
  private final Set<MessageKind> kinds;

  /**
   * A dispatcher over the given ports.
   *
   * @param transactions the adapter's transactions
   * @param outbox the adapter's outbox
   * @param publisher the host's publisher (events are not claimed when it is {@link EventPublisher#none()})
   * @param documents the mail sender (mails are not claimed when null)
   * @param clock the SDK's clock
   * @param settings the outbox's settings
   */
  public OutboxDispatch(Transactions transactions, Outbox outbox, EventPublisher publisher,
      @Nullable DocumentServices documents, Clock clock, OutboxSettings settings) {
    this.transactions = transactions;
    this.outbox = outbox;
    this.publisher = publisher;
    this.documents = documents;
    this.clock = clock;
    this.settings = settings;
    EnumSet<MessageKind> can = EnumSet.noneOf(MessageKind.class);
    if (documents != null) {
      can.add(MessageKind.MAIL);
    }
    if (publisher != EventPublisher.none()) {
      can.add(MessageKind.EVENT);
    }
    this.kinds = can;
  }

  /**
   * Delivers every message due now, batch after batch, until none is due.
   *
   * @return what this round did
   * @throws TransientException when the outbox could not be read (the database unreachable)
   */
  public DispatchResult dispatch() {
    int delivered = 0;
    int retrying = 0;
    int failed = 0;
    if (kinds.isEmpty()) {
      return new DispatchResult(0, 0, 0);
    }
    while (!Thread.currentThread().isInterrupted()) {
      Instant now = clock.instant();
      Instant leaseUntil = now.plus(settings.lease());
      List<Outbox.Claimed> claimed = transactions.inTransaction(
          () -> outbox.claim(kinds, now, settings.batchSize(), leaseUntil));
      // A message is not started once half the batch's lease has passed: the rest stay leased to
      // this round and are taken again when the lease ends, never sent by two dispatchers at once.
      Instant lastStart = now.plus(settings.lease().dividedBy(2));
      boolean cutShort = false;
      for (Outbox.Claimed c : claimed) {
        if (clock.instant().isAfter(lastStart)) {
          cutShort = true;
          break;
        }
        switch (deliver(c)) {
          case DELIVERED -> delivered++;
          case RETRYING -> retrying++;
          case FAILED -> failed++;
        }
      }
      if (cutShort || claimed.size() < settings.batchSize()) {
        break;
      }
    }
    return new DispatchResult(delivered, retrying, failed);
  }

  private enum Outcome { DELIVERED, RETRYING, FAILED }

  private Outcome deliver(Outbox.Claimed claimed) {
    OutboxMessage message = claimed.message();
    Runnable delivery;
    try {
      delivery = message.kind() == MessageKind.MAIL
          ? sending(MailCodec.decode(claimed.content()))
          : publishing(EventCodec.decode(new String(claimed.content(), StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      // Content this SDK cannot read (written by another version): no attempt can deliver it.
      return failed(message, e, true);
    }
    try {
      delivery.run();
    } catch (InvalidInputException e) {
      // Refused for good: a 5xx reply, an address the server rejects.
      return failed(message, e, true);
    } catch (RuntimeException e) {
      return failed(message, e, false);
    }
    record(message, () -> {
      if (message.kind() == MessageKind.MAIL) {
        outbox.markSent(message.id(), clock.instant());
      } else {
        outbox.remove(List.of(message.id()));
      }
    });
    return Outcome.DELIVERED;
  }

  /** Records a failed attempt: retried after its backoff, or failed when permanent or the last. */
  private Outcome failed(OutboxMessage message, RuntimeException failure, boolean permanent) {
    boolean giveUp = permanent || message.attempts() >= settings.maxAttempts();
    Instant next = giveUp ? null : clock.instant().plus(settings.backoff(message.attempts()));
    // The error itself (which may name a patient's address) is stored with the message, not logged.
    LOG.warn("outbox {} {} attempt {} of {} failed ({}); {}", message.kind(), message.id(), message.attempts(),
        settings.maxAttempts(), failure.getClass().getSimpleName(), giveUp ? "failed" : "next attempt at " + next);
    String error = describe(failure);
    record(message, () -> outbox.markFailed(message.id(), error, next));
    return giveUp ? Outcome.FAILED : Outcome.RETRYING;
  }

  private Runnable sending(DocumentServices.OutgoingMail mail) {
    DocumentServices sender = documents;
    if (sender == null) {
      throw new IllegalStateException("no DocumentServices to send mail with");
    }
    return () -> sender.send(mail);
  }

  private Runnable publishing(DomainEvent event) {
    return () -> publisher.publish(event);
  }

  private void record(OutboxMessage message, Runnable write) {
    try {
      transactions.inTransaction(() -> {
        write.run();
        return null;
      });
    } catch (RuntimeException e) {
      // The delivery stands; the lease runs out and another round delivers it again.
      LOG.warn("outbox {} {}: delivered or tried, but the outcome could not be recorded ({}); it is tried again"
          + " after its lease", message.kind(), message.id(), e.getClass().getName());
    }
  }

  /** An exception as a stored error: its type and message, at most 1000 characters. */
  static String describe(Throwable e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (e instanceof TransientException t && t.outcomeUnknown()) {
      text = "outcome unknown (it may have been delivered); " + text;
    }
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
  }

  /**
   * Runs rounds on a thread of its own every {@code interval} until closed.
   *
   * @param interval the pause between the end of one round and the start of the next
   * @return the running dispatcher
   */
  public OutboxDispatcher start(Duration interval) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "pakketten-outbox");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        dispatch();
      } catch (RuntimeException e) {
        LOG.warn("outbox round failed; the next round runs in {}", interval, e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return () -> {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        executor.shutdownNow();
        Thread.currentThread().interrupt();
      }
    };
  }
}
