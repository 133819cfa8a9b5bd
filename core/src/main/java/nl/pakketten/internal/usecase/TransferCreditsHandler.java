package nl.pakketten.internal.usecase;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.pakketten.access.Action;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.spi.Transfers;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.CreditTransfer;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.NotEnoughCreditsException;
import nl.pakketten.wallet.TransferCredits;
import nl.pakketten.wallet.TransferResult;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;

/**
 * Use case: move credits of a lot to another patient of the practice, as a new lot with the
 * origin's rate, last day and accounts, linked to the origin. The value that moves is what the
 * credits are worth in the origin (credits × rate, capped at what is left of its value; the
 * origin's last credits take all that is left), so no credit or cent appears or disappears.
 * Idempotent on the transfer id.
 *
 * @param wallets where the two wallets are locked and changed
 * @param transfers where the transfer is kept
 * @param bookings books the movement out and in
 * @param writes the path the command takes
 */
public record TransferCreditsHandler(Wallets wallets, Transfers transfers, Bookings bookings, WritePath writes) {
  /** Transfers the credits; a replay answers {@link TransferResult.AlreadyTransferred}. */
  public TransferResult handle(TransferCredits command) {
    return writes.check(command)
        .rules(check -> {
          if (command.from() != null && command.from().equals(command.to())) {
            check.require(false, "to", command.to(), "must be another patient than from");
          }
        })
        .access(command.actor(), Action.TRANSFER_CREDITS)
        .run("transferCredits", command.practice(), command.transferId(),
            r -> new TransferResult.Transferred(r.transfer()), events -> transfer(events, command));
  }

  private TransferResult transfer(java.util.List<DomainEvent> events, TransferCredits command) {
    PracticeId practice = command.practice();
    Optional<TransferResult> earlier = earlier(command);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Lot seen = wallets.ofPatient(practice, command.from()).stream()
        .flatMap(w -> w.lot(command.lot()).stream())
        .findFirst()
        .orElseThrow(() -> new NotFoundException("lot of patient " + command.from(), command.lot(), practice));
    // Both wallets are of one package: locked in the order of their patients, so two transfers
    // between the same two patients cannot deadlock.
    boolean fromFirst = command.from().compareTo(command.to()) < 0;
    Wallet first = wallets.lock(practice, fromFirst ? command.from() : command.to(), seen.packageId());
    Wallet second = wallets.lock(practice, fromFirst ? command.to() : command.from(), seen.packageId());
    Wallet giver = wallets.withLots(fromFirst ? first : second, Set.of(command.lot()));
    Wallet receiver = fromFirst ? second : first;
    earlier = earlier(command); // again under the locks: a concurrent call with this key waited for them
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Lot lot = giver.lot(command.lot()).orElseThrow();
    if (lot.creditsRemaining() < command.credits()) {
      throw new NotEnoughCreditsException(lot.id(), lot.creditsRemaining(), command.credits());
    }
    if (lot.isExpiredOn(bookings.today())) {
      throw new ConflictException(lot.id().value(),
          "its credits expired after " + lot.expiresOn().orElseThrow() + " and cannot be transferred");
    }
    int credits = command.credits();
    Money value = lot.revenueFor(credits);
    giver = giver.withdraw(lot, credits, value);
    Lot received = ValueBuilders.lot()
        .id(lotIdFor(practice, command))
        .practice(practice)
        .patient(command.to())
        .packageId(lot.packageId())
        .source(lot.source())
        .creditsGranted(credits)
        .creditsRemaining(credits)
        .ratePerCredit(lot.ratePerCredit())
        .deferredValue(value)
        .recognisedRevenue(Money.zero(value.getCurrencyUnit()))
        .deferredAccount(lot.deferredAccount())
        .revenueAccount(lot.revenueAccount())
        .grantedAt(bookings.now())
        .grantedBy(command.actor().userId())
        .expiresOn(lot.expiresOn())
        .transferredFrom(lot.id())
        .build();
    receiver = receiver.withNewLot(received);
    String sourceKey = "transfer:" + command.transferId();
    bookings.book(events, giver.lot(lot.id()).orElseThrow(), MovementKind.TRANSFERRED_OUT, credits, value,
        command.actor().userId(), "transferred to patient " + command.to(), sourceKey);
    bookings.book(events, received, MovementKind.TRANSFERRED_IN, credits, value, command.actor().userId(),
        "transferred from patient " + command.from(), sourceKey);
    wallets.save(fromFirst ? giver : receiver);
    wallets.save(fromFirst ? receiver : giver);
    CreditTransfer transfer = new CreditTransfer(practice, command.transferId(), command.from(), lot.id(),
        command.to(), received.id(), lot.packageId(), credits, value, bookings.now(), command.actor().userId());
    transfers.insert(transfer);
    return new TransferResult.Transferred(transfer);
  }

  /** The answer from an earlier transfer with this key; a conflict when it moved something else. */
  private Optional<TransferResult> earlier(TransferCredits command) {
    return transfers.find(command.practice(), command.transferId()).map(t -> {
      if (!t.from().equals(command.from()) || !t.originLot().equals(command.lot()) || t.credits() != command.credits()
          || !t.to().equals(command.to())) {
        throw new ConflictException(command.transferId().value(), "this transfer was already processed with other"
            + " content: " + t.credits() + " credits of lot " + t.originLot() + " from " + t.from() + " to " + t.to());
      }
      return new TransferResult.AlreadyTransferred(t);
    });
  }

  /** The new lot's id follows from the transfer, so a retried transfer creates the same lot. */
  private static LotId lotIdFor(PracticeId practice, TransferCredits command) {
    return LotId.of(UUID.nameUUIDFromBytes((practice.value() + "|transfer:" + command.transferId())
        .getBytes(StandardCharsets.UTF_8)).toString());
  }
}
