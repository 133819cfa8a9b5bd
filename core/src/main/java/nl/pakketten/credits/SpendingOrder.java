package nl.pakketten.credits;

import java.time.LocalDate;
import java.util.Comparator;

/** Policy: the order in which a wallet's lots are spent. */
@FunctionalInterface
public interface SpendingOrder {
  /** Compares lots: the one to spend first sorts first. */
  Comparator<Lot> comparator();

  /** Earliest expiry first (lots without expiry last), then oldest lot first, then by id. */
  static SpendingOrder earliestExpiryThenOldest() {
    return () -> Comparator.<Lot, LocalDate>comparing(l -> l.getExpiresOn().orElse(LocalDate.MAX))
        .thenComparing(Lot::getGrantedAt)
        .thenComparing(Lot::getId);
  }
}
