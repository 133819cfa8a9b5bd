package nl.pakketten.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PracticeId;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.JournalTotal;

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

  /**
   * The sums of the practice's journal lines in {@code roles} of the entries with {@code from <= at
   * < to}, one per group of lines with the same role, account, package, entry kind, side and
   * currency, in no particular order; groups without lines are left out. The reports are built from
   * these sums, so an adapter computes them where the lines are (the JDBC adapter runs one {@code
   * SUM ... GROUP BY} over the lines table) and never holds the journal.
   *
   * <p>{@code from} may be {@link Instant#MIN} for "since the first entry". Runs in the caller's
   * transaction.
   *
   * <p>The default adds up the entries {@link #forEach} hands over.
   *
   * @param practice the practice
   * @param from the first instant included
   * @param to the first instant no longer included
   * @param roles the roles of the lines summed; not empty
   * @return the sums
   */
  default List<JournalTotal> totals(PracticeId practice, Instant from, Instant to, Set<AccountRole> roles) {
    Map<List<Object>, JournalTotal> sums = new LinkedHashMap<>();
    if (!from.isBefore(to)) {
      return List.of();
    }
    forEach(practice, from, to, entry -> {
      for (JournalLine line : entry.lines()) {
        if (roles.contains(line.role())) {
          JournalTotal total = new JournalTotal(line.role(), line.account(), entry.packageId(), entry.kind(),
              line.side(), line.amount());
          sums.merge(Arrays.asList(line.role(), line.account(), entry.packageId(), entry.kind(), line.side(),
                  line.amount().getCurrencyUnit()), total,
              (a, b) -> new JournalTotal(a.role(), a.account(), a.packageId(), a.kind(), a.side(),
                  a.amount().plus(b.amount())));
        }
      }
    });
    return new ArrayList<>(sums.values());
  }
}
