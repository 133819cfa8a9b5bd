package nl.pakketten.wallet;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Policy: the order in which a wallet's lots are spent. Lots the comparator finds equal are spent
 * in the order they were granted (the wallet's order, which every storage keeps, also within one
 * instant): the lines of one invoice, granted at the same instant, are spent in line order.
 */
@FunctionalInterface
public interface SpendingOrder {
  /**
   * Compares lots: the one to spend first sorts first; ties keep the order of granting.
   *
   * @return the comparator of lots
   */
  Comparator<Lot> comparator();

  /**
   * Earliest expiry first (lots without expiry last), then oldest lot first; lots granted at the
   * same instant in the order they were granted. Never by lot id: that is a hash of the lot's source.
   *
   * @return the default order of the {@code Pakketten} builder
   */
  static SpendingOrder earliestExpiryThenOldest() {
    return () -> Comparator.<Lot, LocalDate>comparing(l -> l.expiresOn().orElse(LocalDate.MAX))
        .thenComparing(Lot::grantedAt);
  }
}
