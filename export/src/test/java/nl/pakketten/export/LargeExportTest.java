package nl.pakketten.export;

import static nl.pakketten.export.ExportFixtures.BOOKKEEPER;
import static nl.pakketten.export.ExportFixtures.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * 100,000 journal lines through both exports, to a stream that only counts: the totals add up and
 * it stays quick. The million-line run with its heap figures is {@code ExportBenchmark} in the
 * benchmarks module.
 */
class LargeExportTest {
  static final int ENTRIES = 50_000; // two lines each

  /** Counts bytes and drops them. */
  static final class Counting extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }

  @Test
  void aHundredThousandLinesExportWithTotalsThatAddUp() throws Exception {
    ExportFixtures f = new ExportFixtures().withProfile();
    Instant start = Instant.parse("2026-01-01T08:00:00Z");
    Money amount = ExportFixtures.eur("33.33");
    f.storage.transactions().inTransaction(() -> {
      for (int i = 0; i < ENTRIES; i++) {
        f.storage.journal().append(new JournalEntry("e-" + i, PRACTICE, start.plus(Duration.ofSeconds(60L * i)),
            EntryKind.SPEND, PatientId.of("patient-" + i % 500), PackageId.of("basis"), LotId.of("lot-" + i % 2_000),
            "appointment:A-" + i, "Credits spent, revenue recognised (1 credit)",
            List.of(new JournalLine("1710", AccountRole.DEFERRED_REVENUE, Side.DEBIT, amount),
                new JournalLine("80" + i % 10, AccountRole.REVENUE, Side.CREDIT, amount))));
      }
      return null;
    });
    JournalExport export = JournalExport.of(f.pakketten);
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2027-01-01T00:00:00Z");

    Counting xaf = new Counting();
    ExportTotals xafTotals = export.writeXaf(PRACTICE, BOOKKEEPER, from, to, xaf);
    Counting csvBytes = new Counting();
    ExportTotals csvTotals;
    try (Writer csv = new OutputStreamWriter(csvBytes, StandardCharsets.UTF_8)) {
      csvTotals = export.writeCsv(PRACTICE, BOOKKEEPER, from, to, csv);
    }

    assertThat(xafTotals.lines()).isEqualTo(2L * ENTRIES);
    assertThat(xafTotals.entries()).isEqualTo(ENTRIES);
    assertThat(xafTotals.totalDebit()).isEqualByComparingTo(xafTotals.totalCredit())
        .isEqualByComparingTo(amount.getAmount().multiply(java.math.BigDecimal.valueOf(ENTRIES)));
    assertThat(csvTotals).isEqualTo(xafTotals);
    assertThat(xaf.bytes).isGreaterThan(2L * ENTRIES * 200);
  }
}
