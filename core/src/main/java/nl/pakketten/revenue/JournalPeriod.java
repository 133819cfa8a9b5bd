package nl.pakketten.revenue;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import nl.pakketten.common.PracticeId;

/**
 * One practice's journal over a period ({@code from <= at < to}), open for reading while the
 * reader given to {@code Pakketten.readJournal} runs: the way an export reads any number of
 * entries without holding them. Every {@link #forEach} reads the period again in the same
 * read-only transaction, so an export that goes over it twice (the accounts first, then the
 * entries) finds the same entries both times.
 */
public interface JournalPeriod {
  /**
   * The practice whose journal this is.
   *
   * @return the practice
   */
  PracticeId practice();

  /**
   * The first instant included.
   *
   * @return the period's start
   */
  Instant from();

  /**
   * The first instant no longer included.
   *
   * @return the period's end, not before {@link #from()}
   */
  Instant to();

  /**
   * When the period was opened for reading, by the SDK's clock: an export's creation time.
   *
   * @return the instant of the read
   */
  Instant readAt();

  /**
   * Hands each entry of the period to {@code sink}, one at a time, ordered by booking time and,
   * within one instant, by booking order (as {@code Pakketten.journal} pages them). Holds no more
   * than a bounded number of entries however long the period; an exception {@code sink} throws
   * stops the read and reaches the caller of {@code readJournal} unchanged.
   *
   * @param sink receives each entry
   * @throws IllegalStateException when called after {@code readJournal} returned
   */
  void forEach(Consumer<JournalEntry> sink);

  /**
   * The sums of the practice's journal lines booked before {@link #from()}, in every role, grouped
   * as {@link nl.pakketten.spi.Journal#totals} groups them (role, account, package, entry kind,
   * side, currency): what an export needs for the accounts' opening balances, computed by the
   * storage (one grouped query on the JDBC adapter), in the same read-only transaction as {@link
   * #forEach}.
   *
   * @return the sums, empty when nothing was booked before the period
   * @throws IllegalStateException when called after {@code readJournal} returned
   */
  List<JournalTotal> totalsBefore();
}
