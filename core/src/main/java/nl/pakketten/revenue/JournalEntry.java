package nl.pakketten.revenue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import org.jspecify.annotations.Nullable;
import org.joda.money.Money;

/**
 * A balanced journal entry (debits = credits) booked for one movement of credits. Append-only: a
 * correction is a new entry, never an edit.
 *
 * @param lot the lot whose value moved
 * @param sourceKey the command it came from, as in the patient's history
 */
public record JournalEntry(
    String id,
    PracticeId practice,
    Instant at,
    @Nullable PatientId patient,
    @Nullable PackageId packageId,
    @Nullable LotId lot,
    String sourceKey,
    String description,
    List<JournalLine> lines) {
  public JournalEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(at, "at");
    lines = List.copyOf(lines);
    if (lines.size() < 2) {
      throw new IllegalArgumentException("A journal entry needs at least two lines");
    }
    Money sum = lines.get(0).signed();
    for (JournalLine line : lines.subList(1, lines.size())) {
      sum = sum.plus(line.signed());
    }
    if (!sum.isZero()) {
      throw new IllegalArgumentException("Journal entry " + id + " does not balance: debit − credit = " + sum);
    }
  }

  /** The total debited (equal to the total credited). */
  public Money total() {
    return lines.stream().filter(l -> l.side() == Side.DEBIT).map(JournalLine::amount).reduce(Money::plus)
        .orElseThrow();
  }
}
