package nl.pakketten.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
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

  /**
   * Hands each of the practice's entries with {@code from <= at < to} to {@code sink}, one at a
   * time, in the order of {@link #entries}: booking time, then booking order. For exports of any
   * size: an adapter holds no more than a bounded number of entries at once (the JDBC adapter reads
   * one ordered query through a database cursor and groups the lines into entries as the rows
   * arrive), never the whole period.
   *
   * <p>Runs in the caller's transaction. An exception {@code sink} throws stops the read and
   * reaches the caller unchanged.
   *
   * <p>The default reads {@link #entries} page by page, holding one page at a time; adapters with a
   * cheaper streaming read override it.
   *
   * @param practice the practice
   * @param from the first instant included
   * @param to the first instant no longer included
   * @param sink receives each entry
   */
  default void forEach(PracticeId practice, Instant from, Instant to, Consumer<JournalEntry> sink) {
    Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
    while (request.isPresent()) {
      Page<JournalEntry> page = entries(practice, from, to, request.get());
      page.items().forEach(sink);
      request = page.next();
    }
  }
}
