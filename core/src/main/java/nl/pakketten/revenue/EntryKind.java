package nl.pakketten.revenue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a journal entry books: the movement it came from. Stored with each entry, so a report
 * classifies the lines of a balance-sheet item (sold, recognised, expired, …) without reading the
 * history. A change of an appointment's type books a {@link #GIVE_BACK} and a {@link #SPEND}, one
 * entry each.
 */
public enum EntryKind {
  /** Credits sold: a registered payment granted a lot (debit payments clearing, credit the item). */
  SALE,
  /** Credits imported (debit imports offset, credit the item). */
  IMPORT,
  /** Credits spent on care: revenue recognised (debit the item, credit revenue). */
  SPEND,
  /** Spent credits given back (a cancellation, a no-show given back, a type change): revenue reversed. */
  GIVE_BACK,
  /** Credits past their last day: their remaining value to breakage. */
  EXPIRY,
  /** Credits refunded: their value to refunds payable, any part not paid back to breakage. */
  REFUND,
  /**
   * A payment reversed: its unspent credits revoked (debit the item, credit payments clearing), or
   * the value of its used credits booked as a receivable from the patient.
   */
  REVERSAL,
  /** Credits transferred to another patient: the item debited for the giver and credited for the receiver. */
  TRANSFER;

  /**
   * Classifies an entry stored without a kind by its lines' roles and its source key, the way
   * migration V8 classified the entries booked before kinds were stored.
   *
   * @param lines the entry's lines
   * @param sourceKey the entry's source key; may be null
   * @return the kind the entry's lines show
   */
  static EntryKind classify(List<JournalLine> lines, @Nullable String sourceKey) {
    boolean deferredDebit = has(lines, AccountRole.DEFERRED_REVENUE, Side.DEBIT);
    boolean deferredCredit = has(lines, AccountRole.DEFERRED_REVENUE, Side.CREDIT);
    if (has(lines, AccountRole.RECEIVABLE, null)) {
      return REVERSAL;
    } else if (deferredDebit && deferredCredit) {
      return TRANSFER;
    } else if (has(lines, AccountRole.PAYMENTS_CLEARING, Side.DEBIT)) {
      return SALE;
    } else if (has(lines, AccountRole.PAYMENTS_CLEARING, Side.CREDIT)) {
      return REVERSAL;
    } else if (has(lines, AccountRole.IMPORTS_OFFSET, null)) {
      return IMPORT;
    } else if (has(lines, AccountRole.REVENUE, Side.CREDIT)) {
      return SPEND;
    } else if (has(lines, AccountRole.REVENUE, Side.DEBIT)) {
      return GIVE_BACK;
    } else if (has(lines, AccountRole.REFUNDS_PAYABLE, null)
        || sourceKey != null && sourceKey.startsWith("refund:")) {
      return REFUND;
    }
    return EXPIRY;
  }

  private static boolean has(List<JournalLine> lines, AccountRole role, @Nullable Side side) {
    for (JournalLine line : lines) {
      if (line.role() == role && (side == null || line.side() == side)) {
        return true;
      }
    }
    return false;
  }
}
