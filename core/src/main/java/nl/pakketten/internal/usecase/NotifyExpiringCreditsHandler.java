package nl.pakketten.internal.usecase;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.spi.ExpiryNotices;
import nl.pakketten.spi.Wallets;
import nl.pakketten.wallet.CreditEvents;
import nl.pakketten.wallet.Lot;
import nl.pakketten.wallet.NotifyExpiringCredits;
import nl.pakketten.wallet.Wallet;

/**
 * Use case: tell the host which lots expire soon. Finds the wallets with open lots whose last day
 * is before {@code day + withinDays + 1} (the expiry's own query), and raises {@link
 * CreditEvents.CreditsExpiringSoon} for each open lot whose last day is from {@code day} to {@code
 * day + withinDays} and that was not notified for {@code day} yet; the notice is stored with the
 * event, so a rerun the same day raises nothing twice. One transaction per wallet, like the expiry.
 *
 * @param wallets where the lots are found
 * @param notices which lots were notified on which day
 * @param bookings the time of the events
 * @param writes the path the command's checks take
 * @param tx runs it one wallet at a time
 */
public record NotifyExpiringCreditsHandler(Wallets wallets, ExpiryNotices notices, Bookings bookings,
    WritePath writes, TransactionRunner tx) {
  /** Raises the events; returns how many lots were notified by this call. */
  public int handle(NotifyExpiringCredits command) {
    writes.check(command)
        .rules(check -> check.requireSupported("day", command.day()))
        .access(command.actor(), Action.EXPIRE_CREDITS)
        .checkNow();
    PracticeId practice = command.practice();
    LocalDate from = command.day();
    LocalDate to = from.plusDays(command.withinDays());
    List<Wallets.WalletKey> keys =
        tx.read("findExpiringCredits", practice, () -> wallets.withExpiredCredits(practice, to.plusDays(1)));
    int notified = 0;
    for (Wallets.WalletKey key : keys) {
      notified += tx.run("notifyExpiringCredits", practice, "expiring:" + from + ":" + key.packageId().value(),
          () -> { }, events -> {
            Optional<Wallet> wallet = wallets.find(practice, key.patient(), key.packageId());
            int count = 0;
            for (Lot lot : wallet.map(Wallet::lots).orElse(List.of())) {
              Optional<LocalDate> last = lot.expiresOn();
              if (lot.creditsRemaining() > 0 && last.isPresent() && !last.get().isBefore(from)
                  && !last.get().isAfter(to) && !notices.contains(practice, lot.id(), from)) {
                notices.insert(practice, lot.id(), from);
                events.add(new CreditEvents.CreditsExpiringSoon(practice, bookings.now(),
                    command.actor().userId(), lot.patient(), lot.packageId(), lot.id(), lot.creditsRemaining(),
                    last.get()));
                count++;
              }
            }
            return count;
          });
    }
    return notified;
  }
}
