package nl.pakketten.internal.usecase;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
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
 * Reports a bookkeeper needs, read from the journal.
 *
 * @param journal the journal read
 * @param tx runs each read in a read transaction
 */
public record RevenueReads(Journal journal, TransactionRunner tx) {
  /** A page of the journal entries with {@code from <= at < to}, by booking time and order. */
  public Page<JournalEntry> journal(PracticeId practice, Instant from, Instant to, PageRequest request) {
    WalletReads.requirePageRequest(request);
    return tx.read("journal", practice, () -> journal.entries(practice, from, to, request));
  }

  /** Revenue recognised per ledger account with {@code from <= at < to} (credits − debits). */
  public Map<LedgerAccount, Money> revenueByLedgerAccount(PracticeId practice, Instant from, Instant to) {
    return totals(practice, from, to, AccountRole.REVENUE, (entry, line) -> LedgerAccount.of(line.account()));
  }

  /** Deferred revenue still outstanding per package at {@code asOf} (exclusive): credits − debits. */
  public Map<PackageId, Money> deferredByPackage(PracticeId practice, Instant asOf) {
    return totals(practice, Instant.EPOCH, asOf, AccountRole.DEFERRED_REVENUE, (entry, line) -> entry.packageId());
  }

  /** Credits − debits of the lines in {@code role} with {@code from <= at < to}, summed per {@code key}. */
  private <K extends Comparable<? super K>> Map<K, Money> totals(PracticeId practice, Instant from, Instant to,
      AccountRole role, BiFunction<JournalEntry, JournalLine, K> key) {
    Map<K, Money> result = new TreeMap<>();
    forEachEntry(practice, from, to, entry -> {
      for (JournalLine line : entry.lines()) {
        if (line.role() == role) {
          result.merge(key.apply(entry, line), line.signed().negated(), Money::plus);
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
