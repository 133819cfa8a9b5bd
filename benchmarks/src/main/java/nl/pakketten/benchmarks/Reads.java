package nl.pakketten.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.pakketten.Pakketten;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;

/** The reads {@link ReadsAndLots} measures, through the public API as it stands. */
final class Reads {
  record Case(String name, Supplier<Object> read) {}

  static int history(Pakketten sdk, PracticeId practice, PatientId patient) {
    return walk(r -> sdk.history(practice, patient, r), PageRequest.MAX_SIZE);
  }

  static int journal(Pakketten sdk, PracticeId practice) {
    return walk(r -> sdk.journal(practice, Instant.EPOCH, Instant.MAX, r), PageRequest.MAX_SIZE);
  }

  /** Reads every page, holding one at a time; the number of items read. */
  private static int walk(Function<PageRequest, ? extends Page<?>> read, int size) {
    int items = 0;
    Optional<PageRequest> request = Optional.of(PageRequest.first(size));
    while (request.isPresent()) {
      Page<?> page = read.apply(request.get());
      items += page.items().size();
      request = page.next();
    }
    return items;
  }

  /** A request for the page that starts in the middle of the read, so one page is timed where paging costs most. */
  private static PageRequest middle(Function<PageRequest, ? extends Page<?>> read, int items) {
    Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
    for (int read0 = 0; read0 < items / 2 && request.isPresent(); ) {
      Page<?> page = read.apply(request.get());
      read0 += page.items().size();
      request = page.next();
    }
    return new PageRequest(request.orElseThrow().after(), PageRequest.DEFAULT_SIZE);
  }

  static List<Case> cases(Pakketten sdk, PracticeId practice, PatientId patient) {
    Function<PageRequest, Page<?>> history = r -> sdk.history(practice, patient, r);
    Function<PageRequest, Page<?>> journal = r -> sdk.journal(practice, Instant.EPOCH, Instant.MAX, r);
    PageRequest historyMiddle = middle(history, history(sdk, practice, patient));
    PageRequest journalMiddle = middle(journal, journal(sdk, practice));
    return List.of(
        new Case("history: first page of 500", () -> history.apply(PageRequest.first())),
        new Case("history: a page of 500 in the middle", () -> history.apply(historyMiddle)),
        new Case("history: every page of 500, one held at a time", () -> walk(history, PageRequest.DEFAULT_SIZE)),
        new Case("journal: first page of 500", () -> journal.apply(PageRequest.first())),
        new Case("journal: a page of 500 in the middle", () -> journal.apply(journalMiddle)),
        new Case("journal: every page of 500, one held at a time", () -> walk(journal, PageRequest.DEFAULT_SIZE)));
  }

  private Reads() {}
}
