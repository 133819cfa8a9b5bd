package nl.pakketten.revenue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PracticeId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * How the prepaid money a practice owes its patients (its deferred revenue, a liability) moved in a
 * period {@code from <= at < to}: per balance-sheet item and package, the balance at the start,
 * each kind of movement, and the balance at the end. Read from the journal: the lines of role
 * {@link AccountRole#DEFERRED_REVENUE}, each movement column holding the lines of the entries of
 * one {@link EntryKind}. See {@code docs/reports.md}.
 *
 * <p><b>Signs.</b> Every amount is the liability's change as credit − debit: what increases the
 * liability (a sale, an import, a give-back, a transfer in) is positive, what decreases it (care
 * given, expiry, refund, reversal, a transfer out) is negative, so {@code closing = opening + sold
 * + imported + recognised + givenBack + expired + refunded + reversed + transferredIn +
 * transferredOut} for every line, to the cent.
 *
 * @param practice the practice
 * @param from the first instant of the period
 * @param to the first instant after it
 * @param lines one line per balance-sheet item, package and currency whose opening balance or
 *     movements are not zero, by item, package and currency
 */
public record LiabilityRollForward(PracticeId practice, Instant from, Instant to, List<Line> lines) {
  /**
   * A roll-forward.
   *
   * @param practice the practice
   * @param from the first instant of the period
   * @param to the first instant after it
   * @param lines the lines; copied and sorted by item, package (lines without one first) and
   *     currency
   * @throws IllegalArgumentException when {@code to} is before {@code from}, or two lines are of
   *     the same item, package and currency
   */
  public LiabilityRollForward {
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("A period cannot end (" + to + ") before it starts (" + from + ")");
    }
    List<Line> sorted = new ArrayList<>(lines);
    sorted.sort(ORDER);
    for (int i = 1; i < sorted.size(); i++) {
      if (ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
        throw new IllegalArgumentException("Two roll-forward lines for " + sorted.get(i).item() + ", package "
            + sorted.get(i).packageId() + " in " + sorted.get(i).currency());
      }
    }
    lines = List.copyOf(sorted);
  }

  private static final Comparator<Line> ORDER = Comparator.<Line, String>comparing(l -> l.item().value())
      .thenComparing(l -> l.packageId() == null ? "" : l.packageId().value())
      .thenComparing(l -> l.packageId() != null)
      .thenComparing(l -> l.currency().getCode());

  /**
   * The totals per balance-sheet item: the sums of its {@link #lines()} over its packages, one per
   * item and currency, with {@link Line#packageId()} null.
   *
   * @return the totals, by item and currency
   */
  public List<Line> totals() {
    Map<List<Object>, Line> totals = new LinkedHashMap<>();
    for (Line line : lines) {
      totals.merge(List.of(line.item(), line.currency()), line.withoutPackage(), Line::plus);
    }
    List<Line> result = new ArrayList<>(totals.values());
    result.sort(ORDER);
    return List.copyOf(result);
  }

  /**
   * One balance-sheet item's roll-forward: for one package (a line of {@link #lines()}) or for all
   * of them (a line of {@link #totals()}). Amounts are credit − debit (see the {@linkplain
   * LiabilityRollForward type's} signs), all in one currency.
   *
   * @param item the balance-sheet item
   * @param packageId the package; null in a total, and for entries that named no package
   * @param opening the item's balance of the lines before the period
   * @param sold sales in the period (positive)
   * @param imported imports (positive)
   * @param recognised value recognised as revenue by care: spends (negative)
   * @param givenBack spends given back (positive)
   * @param expired expiries, to breakage (negative)
   * @param refunded refunds: the whole value refunded credits released, whether paid back or kept
   *     as breakage (negative)
   * @param reversed unspent credits revoked with a reversed payment (negative)
   * @param transferredIn value received from another patient's lot (positive)
   * @param transferredOut value given to another patient's lot (negative)
   * @param closing the item's balance of the lines before the period's end
   */
  public record Line(
      BalanceSheetItem item,
      @Nullable PackageId packageId,
      Money opening,
      Money sold,
      Money imported,
      Money recognised,
      Money givenBack,
      Money expired,
      Money refunded,
      Money reversed,
      Money transferredIn,
      Money transferredOut,
      Money closing) {
    /**
     * A line, checked to tie out.
     *
     * @param item the balance-sheet item
     * @param packageId the package, or null
     * @param opening the balance at the start
     * @param sold sales
     * @param imported imports
     * @param recognised spends
     * @param givenBack give-backs
     * @param expired expiries
     * @param refunded refunds
     * @param reversed reversals
     * @param transferredIn transfers in
     * @param transferredOut transfers out
     * @param closing the balance at the end
     * @throws IllegalArgumentException when the amounts are in more than one currency, or opening
     *     plus the movements is not closing to the cent
     */
    public Line {
      Objects.requireNonNull(item, "item");
      List<Money> amounts = List.of(opening, sold, imported, recognised, givenBack, expired, refunded, reversed,
          transferredIn, transferredOut, closing);
      Money sum = opening;
      for (Money movement : amounts.subList(1, amounts.size() - 1)) {
        if (!movement.getCurrencyUnit().equals(opening.getCurrencyUnit())) {
          throw new IllegalArgumentException("A roll-forward line of " + item + " mixes " + opening.getCurrencyUnit()
              + " and " + movement.getCurrencyUnit());
        }
        sum = sum.plus(movement);
      }
      if (!closing.getCurrencyUnit().equals(opening.getCurrencyUnit()) || !sum.isEqual(closing)) {
        throw new IllegalArgumentException("The roll-forward of " + item + (packageId == null ? "" : ", package "
            + packageId) + " does not tie out: opening " + opening + " plus movements " + sum.minus(opening)
            + " is " + sum + ", the journal's closing balance is " + closing);
      }
    }

    /**
     * The currency of the line's amounts.
     *
     * @return the currency
     */
    public CurrencyUnit currency() {
      return opening.getCurrencyUnit();
    }

    /**
     * The period's net movement: closing − opening.
     *
     * @return the sum of the movement columns
     */
    public Money movements() {
      return closing.minus(opening);
    }

    Line withoutPackage() {
      return new Line(item, null, opening, sold, imported, recognised, givenBack, expired, refunded, reversed,
          transferredIn, transferredOut, closing);
    }

    Line plus(Line o) {
      return new Line(item, packageId, opening.plus(o.opening), sold.plus(o.sold), imported.plus(o.imported),
          recognised.plus(o.recognised), givenBack.plus(o.givenBack), expired.plus(o.expired),
          refunded.plus(o.refunded), reversed.plus(o.reversed), transferredIn.plus(o.transferredIn),
          transferredOut.plus(o.transferredOut), closing.plus(o.closing));
    }
  }
}
