package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.Grants.requireCurrency;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.Fingerprint;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Refunds;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Refund;
import nl.pakketten.wallet.RefundCredits;
import nl.pakketten.wallet.RefundResult;
import nl.pakketten.wallet.SpendingOrder;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;

/**
 * Use case: refund unused credits, from one lot or from the wallet's spendable lots in spending
 * order. The value of the credits is what a spend of them would recognise (credits × rate, the last
 * credit of a lot taking what is left), so a lot refunded in full releases its value to the cent.
 * The amount paid back (default: that value) is split over the lots in the order they were taken:
 * each lot's part is what is left of the amount, at most the lot's value; the rest of the lot's
 * value goes to breakage. Idempotent on the refund id.
 *
 * @param packages where the package, and its breakage account, is read
 * @param wallets where the lots are taken from
 * @param refunds where the refund is kept for a replay
 * @param bookings books each lot's refund
 * @param writes the path the command takes
 * @param order the order in which a refund from the wallet takes lots
 */
public record RefundCreditsHandler(Packages packages, Wallets wallets, Refunds refunds, Bookings bookings,
    WritePath writes, SpendingOrder order) {
  /** Refunds the credits; a replay answers {@link RefundResult.AlreadyRefunded} with the first refund. */
  public RefundResult handle(RefundCredits command) {
    return writes.check(command)
        .rules(check -> CatalogChecks.requireNotNegative(check, "amount", command.amount().orElse(null)))
        .access(command.actor(), Action.REFUND_CREDITS)
        .run("refundCredits", command.practice(), command.refundId(),
            r -> new RefundResult.Refunded(r.refund()), events -> {
              PracticeId practice = command.practice();
              String reason = command.reason().strip();
              String fingerprint = Fingerprint.of(command.patient(), command.packageId(),
                  command.lot().map(Object::toString).orElse("-"), command.credits(),
                  command.amount().map(Object::toString).orElse("-"), reason);
              Optional<Refund> earlier = refunds.find(practice, command.refundId());
              if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
                  throw new ConflictException(command.refundId().value(),
                      "this refund was already processed with other content");
                }
                return new RefundResult.AlreadyRefunded(earlier.get());
              }
              CreditPackage pkg = CatalogChecks.requirePackage(packages, practice, command.packageId());
              command.amount().ifPresent(amount -> requireCurrency(pkg, amount, "amount"));
              Wallet wallet = wallets.lock(practice, command.patient(), pkg.id());
              LocalDate today = bookings.today();
              Wallet.Taking taking = take(command, wallet, today);
              Money value = Money.zero(pkg.internalRate().getCurrencyUnit());
              for (Allocation allocation : taking.allocations()) {
                value = value.plus(allocation.revenue());
              }
              Money amount = command.amount().orElse(value);
              if (amount.isGreaterThan(value)) {
                throw InvalidInputException.of("amount", amount, "must not exceed " + value
                    + ", the remaining value of the " + command.credits() + " credit"
                    + (command.credits() == 1 ? "" : "s") + " refunded");
              }
              String sourceKey = "refund:" + command.refundId().value();
              // The taking chose the lots and their values; the credits then leave each lot as value
              // out (Lot.valueOut), not as recognised revenue: a refund is not care, as a reversal
              // or a transfer is not.
              Wallet withdrawn = wallet;
              Money left = amount;
              for (Allocation allocation : taking.allocations()) {
                withdrawn = withdrawn.withdraw(withdrawn.lot(allocation.lotId()).orElseThrow(), allocation.credits(),
                    allocation.revenue());
                Lot after = withdrawn.lot(allocation.lotId()).orElseThrow();
                Money part = left.isGreaterThan(allocation.revenue()) ? allocation.revenue() : left;
                left = left.minus(part);
                bookings.release(events, after, MovementKind.REFUNDED, allocation.credits(), allocation.revenue(),
                    part, pkg.breakageAccount().map(a -> a.value()).orElse(after.revenueAccount().value()),
                    command.actor().userId(), reason, sourceKey);
              }
              wallets.save(withdrawn);
              Refund refund = new Refund(practice, command.refundId(), fingerprint, command.patient(), pkg.id(),
                  command.credits(), value, amount, bookings.now());
              refunds.insert(refund);
              return new RefundResult.Refunded(refund);
            });
  }

  /** The credits taken from the named lot, or from the wallet in spending order; refused when too few remain. */
  private Wallet.Taking take(RefundCredits command, Wallet wallet, LocalDate today) {
    if (command.lot().isPresent()) {
      Optional<Lot> lot = wallet.lot(command.lot().get());
      int remaining = lot.map(Lot::creditsRemaining).orElse(0);
      if (lot.isPresent() && lot.get().isExpiredOn(today)) {
        throw new ConflictException(command.lot().get().value(), "the lot expired after "
            + lot.get().expiresOn().orElseThrow() + ": its credits expire, they cannot be refunded");
      }
      return wallet.takeFrom(command.lot().get(), command.credits()).orElseThrow(() -> new ConflictException(
          command.lot().get().value(), "cannot refund " + command.credits() + " credit"
          + (command.credits() == 1 ? "" : "s") + ": lot " + command.lot().get() + " of patient '"
          + command.patient() + "' and package '" + command.packageId() + "' has " + remaining + " remaining"));
    }
    return wallet.take(command.credits(), today, order).orElseThrow(() -> new ConflictException(
        command.refundId().value(), "cannot refund " + command.credits() + " credit"
        + (command.credits() == 1 ? "" : "s") + ": patient '" + command.patient() + "' has "
        + wallet.spendableOn(today) + " refundable credit" + (wallet.spendableOn(today) == 1 ? "" : "s")
        + " of package '" + command.packageId() + "'"));
  }
}
