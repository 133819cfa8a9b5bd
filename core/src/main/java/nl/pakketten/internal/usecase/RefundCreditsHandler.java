package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.Grants.requireCurrency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.Fingerprint;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.sale.InvoiceEvents;
import nl.pakketten.sale.InvoiceState;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.RefundCreditNote;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.PracticeProfiles;
import nl.pakketten.spi.Refunds;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.Allocation;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
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
 * <p>Lots granted by an invoice the SDK made (issued, fully paid, in {@link Invoices}) get a credit
 * note per invoice, in the same transaction: a line per lot with its part of the amount, and a
 * number from the practice's series, taken last so that the series' counter is held for as short
 * as it can be. Lots of a host's invoice or of an import get none.
 *
 * @param packages where the package, and its breakage account, is read
 * @param wallets where the lots are taken from
 * @param refunds where the refund is kept for a replay
 * @param invoices where the SDK's invoices are read and the credit notes stored and numbered
 * @param profiles the practice's number format
 * @param bookings books each lot's refund
 * @param writes the path the command takes
 * @param order the order in which a refund from the wallet takes lots
 */
public record RefundCreditsHandler(Packages packages, Wallets wallets, Refunds refunds, Invoices invoices,
    PracticeProfiles profiles, Bookings bookings, WritePath writes, SpendingOrder order) {
  /** Refunds the credits; a replay answers {@link RefundResult.AlreadyRefunded} with the first refund. */
  public RefundResult handle(RefundCredits command) {
    return writes.check(command)
        .rules(check -> CatalogChecks.requireNotNegative(check, "amount", command.amount().orElse(null)))
        .access(command.actor(), Action.REFUND_CREDITS)
        .run("refundCredits", command.practice(), command.refundId(),
            r -> new RefundResult.Refunded(r.refund(), r.creditNotes()), events -> {
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
                return new RefundResult.AlreadyRefunded(earlier.get(),
                    summaries(invoices.creditNotesOfRefund(practice, command.refundId())));
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
              Map<InvoiceId, List<RefundCreditNote.Line>> credited = new LinkedHashMap<>();
              Map<InvoiceId, Boolean> madeBySdk = new HashMap<>();
              for (Allocation allocation : taking.allocations()) {
                Lot before = wallet.lot(allocation.lotId()).orElseThrow();
                withdrawn = withdrawn.withdraw(withdrawn.lot(allocation.lotId()).orElseThrow(), allocation.credits(),
                    allocation.revenue());
                Lot after = withdrawn.lot(allocation.lotId()).orElseThrow();
                Money part = left.isGreaterThan(allocation.revenue()) ? allocation.revenue() : left;
                left = left.minus(part);
                if (before.source() instanceof LotSource.InvoiceLine line && before.transferredFrom().isEmpty()
                    && madeBySdk.computeIfAbsent(line.invoiceId(), id -> grantedBySdk(command, line))) {
                  credited.computeIfAbsent(line.invoiceId(), id -> new ArrayList<>()).add(
                      new RefundCreditNote.Line(line.lineNumber(), allocation.lotId(), allocation.credits(), part));
                }
                bookings.release(events, after, MovementKind.REFUNDED, allocation.credits(), allocation.revenue(),
                    part, pkg.breakageAccount().map(a -> a.value()).orElse(after.revenueAccount().value()),
                    command.actor().userId(), reason, sourceKey);
              }
              wallets.save(withdrawn);
              Refund refund = new Refund(practice, command.refundId(), fingerprint, command.patient(), pkg.id(),
                  command.credits(), value, amount, bookings.now());
              refunds.insert(refund);
              List<RefundCreditNote> notes = creditNotes(events, command, today, refund.at(), credited);
              return new RefundResult.Refunded(refund, summaries(notes));
            });
  }

  /**
   * Whether the lot's invoice is one the SDK made and granted to the refunded patient: an issued
   * invoice of the practice for that patient, not cancelled, paid in full (only then does it
   * grant), whose line {@code line.lineNumber()} sells the lot's product. Any other invoice id is a
   * host's. (A lot transferred from another patient keeps its source but is not asked about: the
   * invoice's customer is not the patient refunded.)
   */
  private boolean grantedBySdk(RefundCredits command, LotSource.InvoiceLine line) {
    Optional<ProductInvoice> invoice = invoices.find(command.practice(), line.invoiceId());
    return invoice.isPresent() && invoice.get().patient().equals(command.patient())
        && invoice.get().state() == InvoiceState.PAID
        && line.lineNumber() <= invoice.get().lines().size()
        && invoice.get().lines().get(line.lineNumber() - 1).productCode().equals(line.productCode());
  }

  /**
   * Issues and stores a credit note per invoice in {@code credited}, in the order the refund took
   * their lots, each with the next number of the practice's series; raises an event for each.
   */
  private List<RefundCreditNote> creditNotes(List<DomainEvent> events, RefundCredits command, LocalDate today,
      java.time.Instant at, Map<InvoiceId, List<RefundCreditNote.Line>> credited) {
    if (credited.isEmpty()) {
      return List.of();
    }
    PracticeProfile profile = InvoiceSteps.profile(profiles, command.practice());
    List<RefundCreditNote> notes = new ArrayList<>();
    for (Map.Entry<InvoiceId, List<RefundCreditNote.Line>> invoice : credited.entrySet()) {
      String number = InvoiceSteps.nextNumber(invoices, profile, today);
      RefundCreditNote note = new RefundCreditNote(command.practice(), number, invoice.getKey(),
          command.refundId(), today, invoice.getValue(), at, command.actor().userId());
      invoices.insertCreditNote(note);
      events.add(new InvoiceEvents.RefundCreditNoteIssued(command.practice(), note.at(), note.by(),
          note.invoiceId(), number, command.refundId(), note.totalExcludingVat()));
      notes.add(note);
    }
    return notes;
  }

  /** What the answer says of each credit note. */
  private static List<RefundResult.CreditNote> summaries(List<RefundCreditNote> notes) {
    return notes.stream().map(n -> new RefundResult.CreditNote(n.invoiceId(), n.number(), n.totalExcludingVat()))
        .toList();
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
