package nl.pakketten.spi;

import java.time.LocalDate;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PracticeId;

/**
 * Port: which lots were told to be expiring soon on which day, unique on (practice, lot, day): what
 * makes {@code NotifyExpiringCredits} raise its event once per lot and day.
 */
public interface ExpiryNotices {
  /**
   * Whether the lot was notified on {@code day}.
   *
   * @param practice the practice
   * @param lot the lot
   * @param day the day of the run
   * @return true when a notice for that lot and day is stored
   */
  boolean contains(PracticeId practice, LotId lot, LocalDate day);

  /**
   * Stores a notice. When a concurrent transaction stored the same one an adapter throws {@link
   * TransientException}; the retry then finds it.
   *
   * @param practice the practice
   * @param lot the lot
   * @param day the day of the run
   */
  void insert(PracticeId practice, LotId lot, LocalDate day);
}
