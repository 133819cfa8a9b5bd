package nl.pakketten.internal.usecase;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.Page;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.TransactionRunner;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.spi.Journal;
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

  /**
   * A page of the journal entries with {@code from <= at < to}, ordered by booking time (and by
   * booking order within one instant): the export a bookkeeping system imports. Start with {@link
   * PageRequest#first()} and follow {@link Page#next()} until it is empty.
   */
  public Page<JournalEntry> journal(PracticeId practice, Instant from, Instant to, PageRequest request) {
    if (request == null) {
      throw InvalidInputException.of("request", null, "must not be null: use PageRequest.first()");
    }
    return tx.read("journal", practice, () -> journal.entries(practice, from, to, request));
  }

  /** Revenue recognised per ledger account with {@code from <= at < to} (credits − debits). */
  public Map<LedgerAccount, Money> revenueByLedgerAccount(PracticeId practice, Instant from, Instant to) {
    Map<LedgerAccount, Money> result = new TreeMap<>();
    forEachEntry(practice, from, to, entry -> {
      for (JournalLine line : entry.lines()) {
        if (line.role() == AccountRole.REVENUE) {
          result.merge(LedgerAccount.of(line.account()), line.signed().negated(), Money::plus);
        }
      }
    });
    return result;
  }

  /** Deferred revenue still outstanding per package at {@code asOf} (exclusive): credits − debits. */
  public Map<PackageId, Money> deferredByPackage(PracticeId practice, Instant asOf) {
    Map<PackageId, Money> result = new TreeMap<>();
    forEachEntry(practice, Instant.EPOCH, asOf, entry -> {
      for (JournalLine line : entry.lines()) {
        if (line.role() == AccountRole.DEFERRED_REVENUE) {
          result.merge(entry.packageId(), line.signed().negated(), Money::plus);
        }
      }
    });
    return result;
  }

  /** Reads the entries page by page in one read transaction, holding one page at a time. */
  private void forEachEntry(PracticeId practice, Instant from, Instant to, Consumer<JournalEntry> action) {
    tx.read("journal", practice, () -> {
      Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
      while (request.isPresent()) {
        Page<JournalEntry> page = journal.entries(practice, from, to, request.get());
        page.items().forEach(action);
        request = page.next();
      }
      return null;
    });
  }
}
