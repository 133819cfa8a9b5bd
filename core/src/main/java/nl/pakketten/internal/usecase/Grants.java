package nl.pakketten.internal.usecase;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.common.ConflictException;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.granting.GrantReceipt;
import nl.pakketten.granting.LotGrant;
import nl.pakketten.revenue.Bookkeeping;
import nl.pakketten.spi.GrantReceipts;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.LotSource;
import nl.pakketten.wallet.MovementKind;
import org.joda.money.Money;

/**
 * What the granting handlers share: the receipt that makes a payment or an import idempotent, and
 * the new lot with the movement that books it.
 */
record Grants(GrantReceipts receipts, Bookings bookings, Bookkeeping bookkeeping) {
  /**
   * The grants of the earlier call with {@code key}, if there was one: a replay. The same key with
   * another {@code fingerprint} is a {@link ConflictException} naming {@code what} was processed.
   */
  Optional<List<LotGrant>> earlier(PracticeId practice, GrantReceipt.Kind kind, String key, String fingerprint,
      String what) {
    Optional<GrantReceipt> earlier = receipts.find(practice, kind, key);
    earlier.filter(receipt -> !receipt.fingerprint().equals(fingerprint)).ifPresent(receipt -> {
      throw new ConflictException(receipt.key(), "this " + what + " was already processed with other content");
    });
    return earlier.map(GrantReceipt::grants);
  }

  /** Stores the receipt a replay of {@code key} will answer from. */
  void receipt(PracticeId practice, GrantReceipt.Kind kind, String key, String fingerprint, List<LotGrant> grants) {
    receipts.insert(new GrantReceipt(practice, kind, key, fingerprint, grants, bookings.now()));
  }

  /** A new lot of {@code pkg}, on the package's accounts or the practice's defaults. */
  Lot newLot(PracticeId practice, PatientId patient, CreditPackage pkg, LotSource source, int credits,
      Money rate, Money value, UserId by, Optional<LocalDate> expiresOn) {
    return ValueBuilders.lot()
        .id(lotIdFor(practice, source))
        .practice(practice)
        .patient(patient)
        .packageId(pkg.id())
        .source(source)
        .creditsGranted(credits)
        .creditsRemaining(credits)
        .ratePerCredit(rate)
        .deferredValue(value)
        .recognisedRevenue(Money.zero(value.getCurrencyUnit()))
        .deferredAccount(pkg.balanceSheetItem().orElse(BalanceSheetItem.of(bookkeeping.defaultBalanceSheetItem())))
        .revenueAccount(pkg.ledgerAccount().orElse(LedgerAccount.of(bookkeeping.defaultLedgerAccount())))
        .grantedAt(bookings.now())
        .grantedBy(by)
        .expiresOn(expiresOn)
        .build();
  }

  /** Books the new lot's credits as {@code kind} (granted or imported), worth its deferred value. */
  LotGrant book(List<DomainEvent> events, Lot lot, MovementKind kind, UserId actor, String reason) {
    bookings.book(events, lot, kind, lot.creditsGranted(), lot.deferredValue(), actor, reason, lot.source().key());
    return new LotGrant(lot.id(), lot.packageId(), lot.creditsGranted(), lot.ratePerCredit(), lot.deferredValue());
  }

  /** A lot's id follows from its source, so a retried grant creates the same lot. */
  static LotId lotIdFor(PracticeId practice, LotSource source) {
    return LotId.of(UUID.nameUUIDFromBytes((practice.value() + "|" + source.key()).getBytes(StandardCharsets.UTF_8))
        .toString());
  }

  /** Throws {@link InvalidInputException} on {@code field} unless {@code money} is in the package's currency. */
  static void requireCurrency(CreditPackage pkg, Money money, String field) {
    if (!money.getCurrencyUnit().equals(pkg.internalRate().getCurrencyUnit())) {
      throw InvalidInputException.of(field, money, "must be in " + pkg.internalRate().getCurrencyUnit()
          + ", the currency of package '" + pkg.name() + "', not " + money.getCurrencyUnit());
    }
  }
}
