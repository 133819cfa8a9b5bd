package nl.pakketten.revenue;

import java.time.Instant;
import java.util.List;
import nl.pakketten.common.PracticeId;

/** Port: the append-only journal. No row is ever updated, so no account total becomes a hot row. */
public interface Journal {
  void append(JournalEntry entry);

  /** The practice's entries with {@code from <= at < to}, in booking order. */
  List<JournalEntry> entries(PracticeId practice, Instant from, Instant to);
}
