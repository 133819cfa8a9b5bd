package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.UserId;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import nl.pakketten.spi.History;
import nl.pakketten.spi.Journal;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.Movement;
import nl.pakketten.wallet.MovementKind;
import org.joda.money.Money;

/**
 * Books one movement of credits: appends it to the history, books its journal entry at the lot's
 * internal rate, and raises its event. Every use case that moves credits goes through here, so the
 * history, the journal and the events cannot drift apart.
 *
 * <p>Built once by the entry point and shared by the handlers that move credits; it is also where
 * they read the time.
 */
public final class Bookings {
  private final History history;
  private final Journal journal;
  private final Bookkeeping bookkeeping;
  private final Clock clock;

  /**
   * Bookings into {@code history} and {@code journal}, on the accounts of {@code bookkeeping}, timed
   * by {@code clock}.
   */
  public Bookings(History history, Journal journal, Bookkeeping bookkeeping, Clock clock) {
    this.history = history;
    this.journal = journal;
    this.bookkeeping = bookkeeping;
    this.clock = clock;
  }

  /**
   * A random version-4 UUID from a thread-local generator: unique for all practical purposes (122
   * random bits) without the contention of {@link UUID#randomUUID()}'s shared secure random.
   */
  static String randomId() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
    return new UUID(most, least).toString();
  }

  Instant now() {
    return clock.instant();
  }

  java.time.LocalDate today() {
    return java.time.LocalDate.now(clock);
  }

  /**
   * Records that {@code credits} of {@code lot} moved by {@code kind}; {@code amount} is the value
   * that moved (the deferred value of a grant, the revenue of a spend, give-back or expiry).
   */
  Movement book(
      List<DomainEvent> events,
      Lot lot,
      MovementKind kind,
      int credits,
      Money amount,
      UserId actor,
      String reason,
      String sourceKey) {
    Movement movement = appendMovement(lot, kind, credits, amount, actor, reason, sourceKey);
    // A transfer's value is booked once, on the giver's movement (see entry); the receiver's has none.
    if (amount.isPositive() && kind != MovementKind.FORFEITED && kind != MovementKind.TRANSFERRED_IN) {
      journal.append(entry(movement, lot, kind, amount));
    }
    events.add(CreditEvents.of(movement));
    return movement;
  }

  /**
   * Appends the movement of {@code credits} of {@code lot} to the history. Its revenue is what
   * {@code amount} recognised: all of it for a spend or an expiry, its negation for a give-back,
   * nothing for the movements that recognise none.
   */
  private Movement appendMovement(Lot lot, MovementKind kind, int credits, Money amount, UserId actor, String reason,
      String sourceKey) {
    Money revenue = switch (kind) {
      case SPENT, EXPIRED -> amount;
      case GIVEN_BACK -> amount.negated();
      case GRANTED, IMPORTED, FORFEITED, REFUNDED, REVERSED, TRANSFERRED_OUT, TRANSFERRED_IN ->
          Money.zero(amount.getCurrencyUnit());
    };
    Movement movement = ValueBuilders.movement()
        .id(randomId())
        .practice(lot.practice())
        .patient(lot.patient())
        .packageId(lot.packageId())
        .lotId(lot.id())
        .kind(kind)
        .credits(credits)
        .revenue(revenue)
        .at(now())
        .actor(actor)
        .reason(reason)
        .sourceKey(sourceKey)
        .build();
    history.append(movement);
    return movement;
  }

  /**
   * Books what a patient owes after a reversed payment: the part of {@code lot}'s value that its
   * used credits (spent, expired, refunded or transferred) had already taken, debited to receivables and
   * credited to payments clearing, where the reversed payment leaves it.
   */
  void bookReceivable(Lot lot, Money amount, String sourceKey) {
    if (!amount.isPositive()) {
      return;
    }
    List<JournalLine> lines = List.of(
        new JournalLine(bookkeeping.receivables(), AccountRole.RECEIVABLE, Side.DEBIT, amount),
        new JournalLine(bookkeeping.paymentsClearing(), AccountRole.PAYMENTS_CLEARING, Side.CREDIT, amount));
    journal.append(new JournalEntry(randomId(), lot.practice(), now(), EntryKind.REVERSAL, lot.patient(),
        lot.packageId(), lot.id(), sourceKey, "Payment reversed, value of used credits receivable from the patient",
        lines));
  }

  private JournalEntry entry(Movement movement, Lot lot, MovementKind kind, Money amount) {
    String deferred = lot.deferredAccount().value();
    List<JournalLine> lines = new ArrayList<>(2);
    switch (kind) {
      case GRANTED -> {
        lines.add(new JournalLine(bookkeeping.paymentsClearing(), AccountRole.PAYMENTS_CLEARING, Side.DEBIT, amount));
        lines.add(new JournalLine(deferred, AccountRole.DEFERRED_REVENUE, Side.CREDIT, amount));
      }
      case IMPORTED -> {
        lines.add(new JournalLine(bookkeeping.importsOffset(), AccountRole.IMPORTS_OFFSET, Side.DEBIT, amount));
        lines.add(new JournalLine(deferred, AccountRole.DEFERRED_REVENUE, Side.CREDIT, amount));
      }
      case SPENT -> {
        lines.add(new JournalLine(deferred, AccountRole.DEFERRED_REVENUE, Side.DEBIT, amount));
        lines.add(new JournalLine(lot.revenueAccount().value(), AccountRole.REVENUE, Side.CREDIT, amount));
      }
      case GIVEN_BACK -> {
        lines.add(new JournalLine(lot.revenueAccount().value(), AccountRole.REVENUE, Side.DEBIT, amount));
        lines.add(new JournalLine(deferred, AccountRole.DEFERRED_REVENUE, Side.CREDIT, amount));
      }
      case REVERSED -> {
        lines.add(new JournalLine(deferred, AccountRole.DEFERRED_REVENUE, Side.DEBIT, amount));
        lines.add(new JournalLine(bookkeeping.paymentsClearing(), AccountRole.PAYMENTS_CLEARING, Side.CREDIT, amount));
      }
      // The deferred value stays on the same balance-sheet item (the new lot copies the origin's
      // accounts); the entry moves it from the giver (debit) to the receiver (credit), so the
      // item's balance is unchanged and a roll-forward can show the transfer out and in.
      case TRANSFERRED_OUT -> {
        lines.add(new JournalLine(deferred, AccountRole.DEFERRED_REVENUE, Side.DEBIT, amount));
        lines.add(new JournalLine(deferred, AccountRole.DEFERRED_REVENUE, Side.CREDIT, amount));
      }
      case FORFEITED, TRANSFERRED_IN -> throw new IllegalStateException(kind + " books no journal entry");
      case EXPIRED, REFUNDED -> throw new IllegalStateException(kind + " is booked by release");
    }
    String description = switch (kind) {
      case GRANTED -> "Credits sold, revenue deferred";
      case IMPORTED -> "Credits imported, revenue deferred";
      case SPENT -> "Credits spent, revenue recognised";
      case GIVEN_BACK -> "Credits given back, revenue reversed";
      case REVERSED -> "Payment reversed, unspent credits revoked";
      case TRANSFERRED_OUT -> "Credits transferred to another patient, deferred revenue moved";
      case FORFEITED, TRANSFERRED_IN, EXPIRED, REFUNDED -> "";
    };
    EntryKind entryKind = switch (kind) {
      case GRANTED -> EntryKind.SALE;
      case IMPORTED -> EntryKind.IMPORT;
      case SPENT -> EntryKind.SPEND;
      case GIVEN_BACK -> EntryKind.GIVE_BACK;
      case REVERSED -> EntryKind.REVERSAL;
      case TRANSFERRED_OUT -> EntryKind.TRANSFER;
      case FORFEITED, TRANSFERRED_IN, EXPIRED, REFUNDED -> throw new IllegalStateException(kind + " is not booked here");
    };
    return entryOf(movement, lot, entryKind, description, lines);
  }

  private static JournalEntry entryOf(Movement movement, Lot lot, EntryKind kind, String description,
      List<JournalLine> lines) {
    return new JournalEntry(movement.id(), movement.practice(), movement.at(), kind, movement.patient(),
        movement.packageId(), lot.id(), movement.sourceKey(),
        description + " (" + movement.credits() + " credit" + (movement.credits() == 1 ? "" : "s") + ")",
        lines);
  }

  /**
   * Records that {@code credits} of {@code lot} left it without care: expired or refunded. {@code
   * value} is the deferred value they release (debited to the lot's balance-sheet item); {@code
   * refunded} of it is credited to refunds payable, the rest to {@code breakageAccount} with the
   * role {@link AccountRole#BREAKAGE}. An expiry refunds nothing. Lines of zero are left out, and a
   * release of zero value books no entry, as a grant of zero value books none. An expiry's movement
   * carries the value as its revenue (the lot recognised it); a refund's carries none, as its value
   * left the lot as {@link nl.pakketten.wallet.Lot#valueOut()}.
   */
  Movement release(List<DomainEvent> events, Lot lot, MovementKind kind, int credits, Money value, Money refunded,
      String breakageAccount, UserId actor, String reason, String sourceKey) {
    if (kind != MovementKind.EXPIRED && kind != MovementKind.REFUNDED) {
      throw new IllegalArgumentException(kind + " is not a release");
    }
    Movement movement = appendMovement(lot, kind, credits, value, actor, reason, sourceKey);
    if (value.isPositive()) {
      Money breakage = value.minus(refunded);
      List<JournalLine> lines = new ArrayList<>(3);
      lines.add(new JournalLine(lot.deferredAccount().value(), AccountRole.DEFERRED_REVENUE, Side.DEBIT, value));
      if (refunded.isPositive()) {
        lines.add(new JournalLine(bookkeeping.refundsPayable(), AccountRole.REFUNDS_PAYABLE, Side.CREDIT, refunded));
      }
      if (breakage.isPositive()) {
        lines.add(new JournalLine(breakageAccount, AccountRole.BREAKAGE, Side.CREDIT, breakage));
      }
      String description = kind == MovementKind.EXPIRED
          ? "Credits expired, remaining value to breakage"
          : breakage.isPositive() ? "Credits refunded, part of their value to breakage" : "Credits refunded";
      journal.append(entryOf(movement, lot, kind == MovementKind.EXPIRED ? EntryKind.EXPIRY : EntryKind.REFUND,
          description, lines));
    }
    events.add(CreditEvents.of(movement));
    return movement;
  }
}
