package nl.pakketten.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.JournalPeriod;
import nl.pakketten.revenue.Side;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV export: RFC 4180 (comma, double quotes, CRLF) with a header row, one row per journal line. */
final class JournalCsv {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader(JournalExport.CSV_COLUMNS.toArray(String[]::new))
      .get();

  private JournalCsv() {}

  static ExportTotals write(JournalPeriod period, ZoneId zone, Writer out) {
    try {
      // Buffered here, whatever the caller passes: the printer writes a field at a time. Flushed,
      // never closed: closing would close the caller's writer.
      Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
      CSVPrinter csv = new CSVPrinter(buffered, FORMAT);
      Totals totals = new Totals();
      period.forEach(entry -> {
        try {
          write(csv, entry, zone, totals);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      csv.flush();
      return totals.result();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(CSVPrinter csv, JournalEntry entry, ZoneId zone, Totals totals) throws IOException {
    String date = entry.at().atZone(zone).toLocalDate().toString();
    List<JournalLine> lines = entry.lines();
    for (int i = 0; i < lines.size(); i++) {
      JournalLine line = lines.get(i);
      BigDecimal amount = line.amount().getAmount();
      csv.printRecord(entry.id(), entry.at().toString(), date,
          entry.patient() == null ? "" : entry.patient().value(),
          entry.packageId() == null ? "" : entry.packageId().value(),
          entry.lot() == null ? "" : entry.lot().value(),
          entry.sourceKey(), entry.description(),
          i + 1, line.account(), line.role().name(), line.side().name(), amount.toPlainString(),
          line.amount().getCurrencyUnit().getCode(), entry.kind().name());
      totals.line(line.side(), amount);
    }
    totals.entries++;
  }

  /** Counts and sums what was written. */
  static final class Totals {
    long entries;
    long lines;
    BigDecimal debit = BigDecimal.ZERO;
    BigDecimal credit = BigDecimal.ZERO;

    void line(Side side, BigDecimal amount) {
      lines++;
      if (side == Side.DEBIT) {
        debit = debit.add(amount);
      } else {
        credit = credit.add(amount);
      }
    }

    ExportTotals result() {
      return new ExportTotals(entries, lines, debit, credit);
    }
  }
}
