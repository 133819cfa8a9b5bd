package nl.pakketten.revenue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import org.joda.money.Money;

/**
 * Reports a bookkeeper needs, read from the journal. Reads take no actor: the host decides who may
 * see them.
 */
public final class RevenueReports {
  private final Journal journal;
  private final TransactionRunner tx;

  public RevenueReports(Journal journal, TransactionRunner tx) {
    this.journal = journal;
    this.tx = tx;
  }

  /** The journal entries with {@code from <= at < to}: the export a bookkeeping system imports. */
  public List<JournalEntry> journal(PracticeId practice, Instant from, Instant to) {
    return tx.read("journal", () -> journal.entries(practice, from, to));
  }

  /** Revenue recognised per ledger account with {@code from <= at < to} (credits − debits). */
  public Map<String, Money> revenueByLedgerAccount(PracticeId practice, Instant from, Instant to) {
    Map<String, Money> result = new TreeMap<>();
    for (JournalEntry entry : journal(practice, from, to)) {
      for (JournalLine line : entry.lines()) {
        if (line.role() == AccountRole.REVENUE) {
          result.merge(line.account(), line.signed().negated(), Money::plus);
        }
      }
    }
    return result;
  }

  /** Deferred revenue still outstanding per package at {@code asOf} (exclusive): credits − debits. */
  public Map<PackageId, Money> deferredByPackage(PracticeId practice, Instant asOf) {
    Map<PackageId, Money> result = new TreeMap<>();
    for (JournalEntry entry : journal(practice, Instant.EPOCH, asOf)) {
      for (JournalLine line : entry.lines()) {
        if (line.role() == AccountRole.DEFERRED_REVENUE) {
          result.merge(entry.packageId(), line.signed().negated(), Money::plus);
        }
      }
    }
    return result;
  }
}
