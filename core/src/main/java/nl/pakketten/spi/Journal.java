package nl.pakketten.spi;

import java.time.Instant;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PracticeId;
import nl.pakketten.revenue.JournalEntry;

/** Port: the append-only journal. No row is ever updated, so no account total becomes a hot row. */
public interface Journal {
  /**
   * Appends an entry; it is never changed afterwards.
   *
   * @param entry the balanced entry
   */
  void append(JournalEntry entry);

  /**
   * A page of the practice's entries with {@code from <= at < to}, ordered by booking time and,
   * within one instant, by the order they were booked (keyset on that pair, so pages neither skip
   * nor repeat an entry). An unusable cursor is an {@link nl.pakketten.common.InvalidInputException}
   * naming {@code after}.
   *
   * @param practice the practice
   * @param from the first instant included
   * @param to the first instant no longer included
   * @param request which page
   * @return the page; empty when there are no (more) entries in the period
   */
  Page<JournalEntry> entries(PracticeId practice, Instant from, Instant to, PageRequest request);
}
