package nl.pakketten.internal.usecase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.granting.GrantReceipt;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.granting.PaymentReversal;
import nl.pakketten.granting.ReversalDecision;
import nl.pakketten.granting.ReversalPolicy;
import nl.pakketten.granting.ReversalResult;
import nl.pakketten.granting.ReversePayment;
import nl.pakketten.spi.GrantReceipts;
import nl.pakketten.spi.Reversals;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;

/**
 * Use case: reverse a registered payment. The lots the payment granted are those its receipt names
 * (one per paid invoice line of a linked product); their unspent credits are revoked, their
 * unrecognised value moved back from deferred revenue to payments clearing. What the used credits
 * were worth is settled as the {@link ReversalPolicy} decides: a receivable from the patient, or a
 * refusal. Idempotent on the reversal id; a payment is reversed once.
 *
 * @param receipts where the payment's lots are found
 * @param wallets where those lots are changed
 * @param reversals where the reversal is kept
 * @param bookings books each revoked lot and each receivable
 * @param policy decides about used credits
 * @param writes the path the command takes
 */
public record ReversePaymentHandler(GrantReceipts receipts, Wallets wallets, Reversals reversals, Bookings bookings,
    ReversalPolicy policy, WritePath writes) {
  /** Reverses the payment; a replay answers {@link ReversalResult.AlreadyReversed}. */
  public ReversalResult handle(ReversePayment command) {
    return writes.check(command)
        .access(command.actor(), Action.REVERSE_PAYMENT)
        .run("reversePayment", command.practice(), command.reversalId(),
            r -> new ReversalResult.Reversed(r.reversal()), events -> reverse(events, command));
  }

  private ReversalResult reverse(List<DomainEvent> events, ReversePayment command) {
    PracticeId practice = command.practice();
    Optional<ReversalResult> earlier = earlier(command);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    GrantReceipt receipt = receipts.find(practice, GrantReceipt.Kind.PAYMENT, command.invoiceId().value())
        .filter(r -> !r.grants().isEmpty())
        .orElseThrow(() -> new NotFoundException("payment that granted credits", command.invoiceId(), practice));
    Map<PackageId, Set<LotId>> lotsByPackage = new TreeMap<>();
    for (LotGrant grant : receipt.grants()) {
      lotsByPackage.computeIfAbsent(grant.packageId(), k -> new LinkedHashSet<>()).add(grant.lotId());
    }
    for (Map.Entry<PackageId, Set<LotId>> group : lotsByPackage.entrySet()) {
      Optional<Wallet> seen = wallets.find(practice, command.patient(), group.getKey());
      if (seen.isEmpty() || !group.getValue().stream().allMatch(id -> seen.get().lot(id).isPresent())) {
        throw InvalidInputException.of("patient", command.patient(),
            "is not the patient the payment of invoice " + command.invoiceId() + " granted credits to");
      }
    }
    // Locked in the order of their package ids, as every command does, so no two commands deadlock.
    List<Wallet> locked = new ArrayList<>();
    for (Map.Entry<PackageId, Set<LotId>> group : lotsByPackage.entrySet()) {
      locked.add(wallets.withLots(wallets.lock(practice, command.patient(), group.getKey()), group.getValue()));
    }
    // Read again under the locks: a concurrent reversal of the same payment waited for them.
    earlier = earlier(command);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Money zero = Money.zero(receipt.grants().get(0).deferredValue().getCurrencyUnit());
    int creditsRevoked = 0;
    int creditsUsed = 0;
    Money valueRevoked = zero;
    Money valueUsed = zero;
    for (Wallet wallet : locked) {
      for (LotId id : lotsByPackage.get(wallet.packageId())) {
        Lot lot = wallet.lot(id).orElseThrow();
        creditsRevoked += lot.creditsRemaining();
        valueRevoked = valueRevoked.plus(lot.unrecognised());
        creditsUsed += lot.creditsGranted() - lot.creditsRemaining();
        valueUsed = valueUsed.plus(lot.deferredValue().minus(lot.unrecognised()));
      }
    }
    if (creditsUsed > 0 && policy.decide(command.invoiceId(), command.patient(), creditsUsed, valueUsed)
        instanceof ReversalDecision.Refuse refuse) {
      throw new ConflictException(command.invoiceId().value(),
          "its payment cannot be reversed: " + refuse.reason());
    }
    String sourceKey = "reversal:" + command.reversalId();
    String reason = "payment of invoice " + command.invoiceId() + " reversed: " + command.reason().strip();
    for (Wallet wallet : locked) {
      for (LotId id : lotsByPackage.get(wallet.packageId())) {
        Lot lot = wallet.lot(id).orElseThrow();
        Money used = lot.deferredValue().minus(lot.unrecognised());
        if (lot.creditsRemaining() > 0) {
          int credits = lot.creditsRemaining();
          Money value = lot.unrecognised();
          wallet = wallet.withdraw(lot, credits, value);
          bookings.book(events, wallet.lot(id).orElseThrow(), MovementKind.REVERSED, credits, value,
              command.actor().userId(), reason, sourceKey);
        }
        bookings.bookReceivable(lot, used, sourceKey);
      }
      wallets.save(wallet);
    }
    PaymentReversal reversal = new PaymentReversal(practice, command.reversalId(), command.invoiceId(),
        command.patient(), creditsRevoked, valueRevoked, creditsUsed, valueUsed, bookings.now(),
        command.actor().userId());
    reversals.insert(reversal);
    return new ReversalResult.Reversed(reversal);
  }

  /** The answer from an earlier reversal with this key, or a conflict with one of this payment. */
  private Optional<ReversalResult> earlier(ReversePayment command) {
    Optional<PaymentReversal> same = reversals.find(command.practice(), command.reversalId());
    Optional<PaymentReversal> ofPayment = same.isPresent() ? Optional.empty()
        : reversals.ofPayment(command.practice(), command.invoiceId());
    if (ofPayment.isPresent() && ofPayment.get().reversalId().equals(command.reversalId())) {
      // Read committed: the same reversal committed between the two reads. It is this one.
      same = ofPayment;
    }
    if (same.isPresent()) {
      PaymentReversal r = same.get();
      if (!r.invoiceId().equals(command.invoiceId()) || !r.patient().equals(command.patient())) {
        throw new ConflictException(command.reversalId().value(),
            "this reversal was already processed for invoice " + r.invoiceId() + " of patient " + r.patient());
      }
      return Optional.of(new ReversalResult.AlreadyReversed(r));
    }
    ofPayment.ifPresent(r -> {
      throw new ConflictException(command.invoiceId().value(),
          "its payment was already reversed (reversal " + r.reversalId() + ")");
    });
    return Optional.empty();
  }
}
