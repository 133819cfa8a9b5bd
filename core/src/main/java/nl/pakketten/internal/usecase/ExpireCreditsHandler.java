package nl.pakketten.internal.usecase;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.common.Actor;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.ExpireCredits;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.MovementKind;
import nl.pakketten.wallet.Wallet;
import org.joda.money.Money;

/**
 * Use case: book the expiry of credits in lots past their expiry date. The remaining credits leave
 * the balance and what was left of the lot's deferred value is booked to breakage (the package's
 * breakage account, or else the lot's revenue account, with the role {@code BREAKAGE}), so the
 * lot's released value adds up to its value while revenue reports tell breakage apart. Safe to run
 * as often as wanted (for example nightly).
 *
 * @param packages where each wallet's package, and so its breakage account, is read
 * @param wallets where the expired lots are found and changed
 * @param bookings books each expiry
 * @param writes the path the command's checks take
 * @param tx runs the expiry one wallet at a time
 */
public record ExpireCreditsHandler(Packages packages, Wallets wallets, Bookings bookings, WritePath writes, TransactionRunner tx) {
  /** Expires every lot of the practice whose last day is before the command's day; returns the credits expired. */
  public int handle(ExpireCredits command) {
    writes.check(command)
        .rules(check -> check.requireSupported("day", command.day()))
        .access(command.actor(), Action.EXPIRE_CREDITS)
        .checkNow();
    PracticeId practice = command.practice();
    Actor actor = command.actor();
    LocalDate day = command.day();
    if (day.isAfter(bookings.today())) {
      throw InvalidInputException.of("day", day,
          "must not be after today (" + bookings.today() + "): credits cannot expire ahead of time");
    }
    List<Wallets.WalletKey> keys =
        tx.read("findExpiredCredits", practice, () -> wallets.withExpiredCredits(practice, day));
    int expired = 0;
    // One transaction per wallet keeps each short; a rerun picks up whatever a failure left.
    for (Wallets.WalletKey key : keys.stream()
        .sorted(Comparator.comparing((Wallets.WalletKey k) -> k.patient()).thenComparing(Wallets.WalletKey::packageId))
        .toList()) {
      // Names the day and package, not the patient: the key goes into logs and messages, and a
      // rerun of the whole expiry is what settles a failure, so no caller needs the wallet's patient.
      String idempotencyKey = "expiry:" + day + ":" + key.packageId().value();
      expired += tx.run("expireCredits", practice, idempotencyKey, () -> { }, events -> {
        Wallet wallet = wallets.lock(practice, key.patient(), key.packageId());
        Optional<String> breakage = packages.find(practice, key.packageId())
            .flatMap(pkg -> pkg.breakageAccount()).map(account -> account.value());
        int credits = 0;
        for (Lot lot : wallet.lots()) {
          if (lot.creditsRemaining() > 0 && lot.expiresOn().map(d -> d.isBefore(day)).orElse(false)) {
            int remaining = lot.creditsRemaining();
            Optional<Lot> before = wallet.lot(lot.id());
            wallet = wallet.expire(before.orElseThrow());
            Money value = before.get().unrecognised();
            bookings.release(events, wallet.lot(lot.id()).orElseThrow(), MovementKind.EXPIRED, remaining, value,
                Money.zero(value.getCurrencyUnit()), breakage.orElse(lot.revenueAccount().value()), actor.userId(),
                "expired after " + lot.expiresOn().get(), "expiry:" + lot.id());
            credits += remaining;
          }
        }
        wallets.save(wallet);
        return credits;
      });
    }
    return expired;
  }
}
