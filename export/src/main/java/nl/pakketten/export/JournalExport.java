package nl.pakketten.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import nl.pakketten.Pakketten;
import nl.pakketten.common.Actor;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.invoicing.PracticeProfile;

/**
 * The entry point of {@code pakketten-export}: writes a period ({@code from <= at < to}) of a
 * practice's journal for its bookkeeper, as CSV or as an XAF 3.2 audit file. Built once over the
 * host's {@link Pakketten}; thread-safe.
 *
 * <pre>{@code
 * JournalExport export = JournalExport.of(pakketten);
 * try (Writer out = Files.newBufferedWriter(Path.of("journal-2026.csv"))) {
 *   export.writeCsv(practice, bookkeeper, from, to, out);
 * }
 * try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of("journal-2026.xaf")))) {
 *   export.writeXaf(practice, bookkeeper, from, to, out);
 * }
 * }</pre>
 *
 * <p>Each export runs in one read-only transaction of the SDK ({@link Pakketten#readJournal}) and
 * streams the entries: memory does not grow with the period. The actor needs the {@code
 * EXPORT_JOURNAL} action (by default the OWNER or BOOKKEEPER role). The output is written as it is
 * read and the read is not retried: after an exception the output is incomplete and must be
 * discarded. The caller owns the writer or stream; the export flushes it and leaves it open.
 */
public final class JournalExport {
  /** The zone of the dates of a practice in the Netherlands. */
  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /**
   * The CSV's columns, in order, as named in its header row: the entry's id, its booking time
   * (ISO-8601, UTC), its date (in the export's zone), patient, package and lot (empty when the entry
   * names none), the source key (the command it came from) and description; then the line's number
   * in the entry (from 1), account code, role ({@code REVENUE}, {@code DEFERRED_REVENUE}, {@code
   * PAYMENTS_CLEARING}, {@code IMPORTS_OFFSET}, {@code BREAKAGE}, {@code REFUNDS_PAYABLE}), side
   * ({@code DEBIT} or {@code CREDIT}), amount (a
   * positive plain decimal with a dot, at the currency's scale) and currency (ISO 4217).
   */
  public static final List<String> CSV_COLUMNS = List.of("entry_id", "booked_at", "date", "patient", "package",
      "lot", "source_key", "description", "line_no", "account", "role", "side", "amount", "currency", "entry_kind");

  private final Pakketten pakketten;
  private final ZoneId zone;

  private JournalExport(Pakketten pakketten, ZoneId zone) {
    this.pakketten = Objects.requireNonNull(pakketten, "pakketten");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * An export over the host's SDK, with dates in {@link #AMSTERDAM}.
   *
   * @param pakketten the SDK whose journal is read
   * @return the export
   */
  public static JournalExport of(Pakketten pakketten) {
    return new JournalExport(pakketten, AMSTERDAM);
  }

  /**
   * The same export with the dates (the CSV's {@code date}, the XAF's dates and periods) in another
   * zone; the period itself is always given as instants.
   *
   * @param zone the practice's zone
   * @return a new export
   */
  public JournalExport withZone(ZoneId zone) {
    return new JournalExport(pakketten, zone);
  }

  /**
   * Writes the period as CSV: a header row, then one row per journal line, in booking order. The
   * columns are {@link #CSV_COLUMNS}, described in {@code docs/export.md}.
   *
   * @param practice the practice
   * @param actor who exports; needs the {@code EXPORT_JOURNAL} action
   * @param from the first instant included
   * @param to the first instant no longer included
   * @param out where the CSV goes; flushed, not closed
   * @return the entries and lines written and their totals
   * @throws IOException if writing to {@code out} fails
   * @throws nl.pakketten.common.InvalidInputException if a parameter is missing or {@code to} is
   *     before {@code from} (field {@code to})
   * @throws nl.pakketten.access.AccessDeniedException if the actor may not export the journal
   */
  public ExportTotals writeCsv(PracticeId practice, Actor actor, Instant from, Instant to, Writer out)
      throws IOException {
    Objects.requireNonNull(out, "out");
    try {
      return pakketten.readJournal(practice, actor, from, to, period -> JournalCsv.write(period, zone, out));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Writes the period as an XAF 3.2 audit file (namespace {@code http://www.auditfiles.nl/XAF/3.2}),
   * UTF-8: the practice's details from its profile, the accounts the period uses, and one
   * transaction per journal entry in one memorial journal. The journal is read twice in one
   * snapshot (the accounts and totals first, as the format wants them before the transactions),
   * never held. The mapping is described in {@code docs/export.md}.
   *
   * @param practice the practice
   * @param actor who exports; needs the {@code EXPORT_JOURNAL} action
   * @param from the first instant included
   * @param to the first instant no longer included
   * @param out where the file goes; flushed, not closed
   * @return the entries and lines written and their totals
   * @throws IOException if writing to {@code out} fails
   * @throws NotFoundException if the practice has no profile (kind {@code practice profile}): the
   *     audit file must name the company
   * @throws nl.pakketten.common.InvalidInputException if a parameter is missing, {@code to} is
   *     before {@code from} (field {@code to}), the period spans more than 999 months (field {@code
   *     to}), or a value does not fit the format: a profile field (for example {@code
   *     profile.vatNumber}), an account code longer than 35 characters ({@code account}) or a
   *     period in more than one currency ({@code currency})
   * @throws nl.pakketten.access.AccessDeniedException if the actor may not export the journal
   */
  public ExportTotals writeXaf(PracticeId practice, Actor actor, Instant from, Instant to, OutputStream out)
      throws IOException {
    Objects.requireNonNull(out, "out");
    try {
      return pakketten.readJournal(practice, actor, from, to, period -> {
        PracticeProfile profile = pakketten.practiceProfile(practice)
            .orElseThrow(() -> new NotFoundException("practice profile", practice, practice));
        return XafFile.write(period, profile, zone, VERSION, out);
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** This module's version, for the XAF header's {@code softwareVersion}. */
  static final String VERSION = version();

  private static String version() {
    Properties properties = new Properties();
    try (InputStream in = JournalExport.class.getResourceAsStream("pakketten-export.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // No version: the header then says "unknown".
    }
    String version = properties.getProperty("version", "unknown");
    return version.length() > 20 ? version.substring(0, 20) : version;
  }
}
