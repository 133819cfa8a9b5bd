package nl.pakketten.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.pakketten.Pakketten;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.wallet.Movement;

/** Reads every page of a paged read into one list, for tests that look at a whole (short) history. */
public final class Pages {
  /** The page size tests read with: small, so every test that reads a history also pages through it. */
  public static final int SMALL = 3;

  /** Every item, following {@link Page#next()} from {@code first}. */
  public static <T> List<T> all(PageRequest first, Function<PageRequest, Page<T>> read) {
    List<T> items = new ArrayList<>();
    Optional<PageRequest> request = Optional.of(first);
    while (request.isPresent()) {
      Page<T> page = read.apply(request.get());
      if (page.items().size() > request.get().size()) {
        throw new AssertionError("a page of " + page.items().size() + " items for a size of " + request.get().size());
      }
      if (page.next().isPresent() && page.items().isEmpty()) {
        throw new AssertionError("an empty page with a next page");
      }
      items.addAll(page.items());
      request = page.next();
    }
    return items;
  }

  /** Every item, in pages of {@link #SMALL}. */
  public static <T> List<T> all(Function<PageRequest, Page<T>> read) {
    return all(PageRequest.first(SMALL), read);
  }

  public static List<Movement> history(Pakketten pakketten, PracticeId practice, PatientId patient) {
    return all(r -> pakketten.history(practice, patient, r));
  }

  public static List<JournalEntry> journal(Pakketten pakketten, PracticeId practice, Instant from, Instant to) {
    return all(r -> pakketten.journal(practice, from, to, r));
  }

  private Pages() {}
}
