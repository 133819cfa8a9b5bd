package nl.pakketten.revenue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A balanced journal entry (debits = credits) booked for one movement of credits. Append-only: a
 * correction is a new entry, never an edit.
 *
 * @param id the entry's identifier, unique in the practice
 * @param practice the practice whose books it is in
 * @param at when it was booked, by the SDK's clock
 * @param kind what it books: the movement it came from
 * @param patient the patient whose credits moved; null when the stored entry names none
 * @param packageId the package of those credits; null when the stored entry names none
 * @param lot the lot whose value moved; null when the stored entry names none
 * @param sourceKey the command it came from, as in the patient's history
 * @param description what happened, in words, for the bookkeeper
 * @param lines at least two lines whose debits equal their credits
 */
public record JournalEntry(
    String id,
    PracticeId practice,
    Instant at,
    EntryKind kind,
    @Nullable PatientId patient,
    @Nullable PackageId packageId,
    @Nullable LotId lot,
    String sourceKey,
    String description,
    List<JournalLine> lines) {
  /**
   * A balanced entry.
   *
   * @param id the entry's identifier
   * @param practice the practice whose books it is in
   * @param at when it was booked
   * @param kind what it books
   * @param patient the patient whose credits moved, or null
   * @param packageId the package of those credits, or null
   * @param lot the lot whose value moved, or null
   * @param sourceKey the command it came from
   * @param description what happened, in words
   * @param lines the lines; copied
   * @throws IllegalArgumentException when there are fewer than two lines or debits and credits
   *     differ
   */
  public JournalEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
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

  /**
   * The amount the entry moves.
   *
   * @return the total debited, equal to the total credited; positive, in the lines' currency
   */
  public Money total() {
    return lines.stream().filter(l -> l.side() == Side.DEBIT).map(JournalLine::amount).reduce(Money::plus)
        .orElseThrow();
  }
}
