package nl.pakketten.revenue;

import static nl.pakketten.testing.Fixtures.FAR_FUTURE;
import static nl.pakketten.testing.Fixtures.OWNER;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.RECEPTIONIST;
import static nl.pakketten.testing.Fixtures.START;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.pakketten.access.AccessDeniedException;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.common.Actor;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.Role;
import nl.pakketten.granting.InvoiceLine;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** {@code readJournal}: the streaming read an export is built on. */
class ReadJournalTest {
  private static final Actor BOOKKEEPER = Actor.of("books-1", Role.BOOKKEEPER);

  private final Fixtures f = new Fixtures();
  private final CreditPackage basis = f.createPackage("Basis", eur("33.33"));

  ReadJournalTest() {
    f.linkProduct("P3", basis.id(), 3, eur(100));
    f.linkType("T1", basis.id(), 1);
    f.pay("F-1", PATIENT, InvoiceLine.of("P3", 1, eur(100)));
    f.clock.advance(Duration.ofHours(1));
    f.schedule("A-1", PATIENT, "T1");
    f.clock.advance(Duration.ofHours(1));
    f.schedule("A-2", PATIENT, "T1");
  }

  private List<JournalEntry> read(Actor actor, Instant from, Instant to) {
    return f.pakketten.readJournal(PRACTICE, actor, from, to, period -> {
      List<JournalEntry> seen = new ArrayList<>();
      period.forEach(seen::add);
      return seen;
    });
  }

  @Test
  void aBookkeeperReadsTheSameEntriesAsThePagedJournal() {
    assertThat(read(BOOKKEEPER, Instant.EPOCH, FAR_FUTURE)).isEqualTo(f.journal()).hasSize(3);
    assertThat(read(OWNER, START.plus(Duration.ofMinutes(30)), FAR_FUTURE)).hasSize(2);
  }

  @Test
  void everyPassOverThePeriodFindsTheSameEntries() {
    List<List<String>> passes = f.pakketten.readJournal(PRACTICE, OWNER, Instant.EPOCH, FAR_FUTURE, period -> {
      List<List<String>> ids = new ArrayList<>();
      for (int pass = 0; pass < 2; pass++) {
        List<String> seen = new ArrayList<>();
        period.forEach(e -> seen.add(e.id()));
        ids.add(seen);
      }
      assertThat(period.practice()).isEqualTo(PRACTICE);
      assertThat(period.readAt()).isEqualTo(f.clock.instant());
      return ids;
    });

    assertThat(passes.get(0)).hasSize(3).isEqualTo(passes.get(1));
  }

  @Test
  void aReceptionistMayNotExportTheJournal() {
    assertThatThrownBy(() -> read(RECEPTIONIST, Instant.EPOCH, FAR_FUTURE))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.action()).isEqualTo(Action.EXPORT_JOURNAL))
        .hasMessageContaining("only the OWNER or BOOKKEEPER role may export the journal");
  }

  @Test
  void aPeriodThatEndsBeforeItStartsNamesTo() {
    assertThatThrownBy(() -> read(OWNER, START, START.minusSeconds(1)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("to")));
    assertThat(read(OWNER, START, START)).isEmpty();
  }

  @Test
  void thePeriodCannotBeReadAfterTheReaderReturned() {
    JournalPeriod kept = f.pakketten.readJournal(PRACTICE, OWNER, Instant.EPOCH, FAR_FUTURE, period -> period);

    assertThatThrownBy(() -> kept.forEach(e -> { })).isInstanceOf(IllegalStateException.class);
  }
}
