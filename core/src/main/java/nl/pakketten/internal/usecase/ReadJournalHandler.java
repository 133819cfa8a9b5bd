package nl.pakketten.internal.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.pakketten.access.AccessPolicy;
import nl.pakketten.access.Action;
import nl.pakketten.common.Actor;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalPeriod;
import nl.pakketten.revenue.JournalTotal;
import nl.pakketten.spi.Journal;

/**
 * Opens a period of the journal for an export: the period checked, the actor's access checked
 * ({@link Action#EXPORT_JOURNAL}), then the reader run in one read-only transaction, once (what it
 * wrote cannot be taken back for a retry).
 *
 * @param journal the journal read
 * @param access who may export
 * @param tx runs the read
 * @param clock the SDK's clock, for {@link JournalPeriod#readAt()}
 */
public record ReadJournalHandler(Journal journal, AccessPolicy access, TransactionRunner tx, Clock clock) {
  /** Runs {@code reader} over the practice's journal with {@code from <= at < to}. */
  public <T> T handle(PracticeId practice, Actor actor, Instant from, Instant to, Function<JournalPeriod, T> reader) {
    return tx.readOnce("readJournal", practice, () -> {
      List<FieldViolation> problems = Periods.problems(practice, from, to);
      if (reader == null) {
        problems.add(FieldViolation.of("reader", null, "must not be null"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      access.check(actor, Action.EXPORT_JOURNAL);
    }, () -> {
      Period period = new Period(journal, practice, from, to, clock.instant());
      try {
        return reader.apply(period);
      } finally {
        period.open = false;
      }
    });
  }

  private static final class Period implements JournalPeriod {
    private final Journal journal;
    private final PracticeId practice;
    private final Instant from;
    private final Instant to;
    private final Instant readAt;
    private boolean open = true;

    Period(Journal journal, PracticeId practice, Instant from, Instant to, Instant readAt) {
      this.journal = journal;
      this.practice = practice;
      this.from = from;
      this.to = to;
      this.readAt = readAt;
    }

    @Override
    public PracticeId practice() {
      return practice;
    }

    @Override
    public Instant from() {
      return from;
    }

    @Override
    public Instant to() {
      return to;
    }

    @Override
    public Instant readAt() {
      return readAt;
    }

    @Override
    public void forEach(Consumer<JournalEntry> sink) {
      Objects.requireNonNull(sink, "sink");
      if (!open) {
        throw new IllegalStateException("The journal period is read only while readJournal runs");
      }
      journal.forEach(practice, from, to, sink);
    }

    @Override
    public List<JournalTotal> totalsBefore() {
      if (!open) {
        throw new IllegalStateException("The journal period is read only while readJournal runs");
      }
      return journal.totals(practice, Instant.MIN, from, EnumSet.allOf(AccountRole.class));
    }
  }
}
