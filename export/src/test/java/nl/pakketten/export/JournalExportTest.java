package nl.pakketten.export;

import static nl.pakketten.export.ExportFixtures.BOOKKEEPER;
import static nl.pakketten.export.ExportFixtures.OWNER;
import static nl.pakketten.export.ExportFixtures.PRACTICE;
import static nl.pakketten.export.ExportFixtures.RECEPTIONIST;
import static nl.pakketten.export.ExportFixtures.YEAR_END;
import static nl.pakketten.export.ExportFixtures.YEAR_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.pakketten.access.AccessDeniedException;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The CSV and XAF exports of a practice's journal, read back and checked against the journal. */
class JournalExportTest {
  private final ExportFixtures f = new ExportFixtures().withProfile().withJournal(4);
  private final JournalExport export = JournalExport.of(f.pakketten);

  private String csv(Instant from, Instant to) throws IOException {
    StringWriter out = new StringWriter();
    export.writeCsv(PRACTICE, BOOKKEEPER, from, to, out);
    return out.toString();
  }

  private byte[] xaf(Instant from, Instant to) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.writeXaf(PRACTICE, BOOKKEEPER, from, to, out);
    return out.toByteArray();
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(csv),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertThat(parser.getHeaderNames()).isEqualTo(JournalExport.CSV_COLUMNS);
      return parser.getRecords();
    }
  }

  @Test
  void theCsvHasOneRowPerJournalLineInBookingOrderWithEveryField() throws IOException {
    List<JournalEntry> journal = f.journal(YEAR_START, YEAR_END);
    List<CSVRecord> rows = parse(csv(YEAR_START, YEAR_END));

    List<List<String>> expected = new ArrayList<>();
    for (JournalEntry e : journal) {
      for (int i = 0; i < e.lines().size(); i++) {
        JournalLine l = e.lines().get(i);
        expected.add(List.of(e.id(), e.at().toString(), e.at().atZone(JournalExport.AMSTERDAM).toLocalDate().toString(),
            e.patient() == null ? "" : e.patient().value(), e.packageId() == null ? "" : e.packageId().value(),
            e.lot() == null ? "" : e.lot().value(), e.sourceKey(), e.description(), String.valueOf(i + 1),
            l.account(), l.role().name(), l.side().name(), l.amount().getAmount().toPlainString(),
            l.amount().getCurrencyUnit().getCode(), e.kind().name()));
      }
    }
    assertThat(rows).extracting(CSVRecord::toList).isEqualTo(expected);
    assertThat(rows).extracting(r -> r.get("entry_kind")).contains("SALE", "SPEND", "GIVE_BACK");
    assertThat(rows.size()).isGreaterThan(40);
  }

  @Test
  void theCsvsDebitsEqualItsCreditsAndItsAmountsArePlainDecimalsWithADot() throws IOException {
    List<CSVRecord> rows = parse(csv(YEAR_START, YEAR_END));

    BigDecimal debit = BigDecimal.ZERO;
    BigDecimal credit = BigDecimal.ZERO;
    for (CSVRecord row : rows) {
      assertThat(row.get("amount")).matches("[0-9]+\\.[0-9]{2}");
      BigDecimal amount = new BigDecimal(row.get("amount"));
      if (row.get("side").equals("DEBIT")) {
        debit = debit.add(amount);
      } else {
        credit = credit.add(amount);
      }
    }
    assertThat(debit).isEqualByComparingTo(credit).isPositive();
  }

  @Test
  void theCsvKeepsCommasQuotesAndNewLinesInTheDescription() throws Exception {
    String awkward = "Correction, \"as agreed\"\nsecond line; 10% off";
    f.storage.transactions().inTransaction(() -> {
      f.storage.journal().append(new JournalEntry("awkward-1", PRACTICE, YEAR_START.plusSeconds(60), EntryKind.SPEND, null,
          null, null, "host:\"key\",1", awkward, List.of(
              new JournalLine("1700", AccountRole.DEFERRED_REVENUE, Side.DEBIT, ExportFixtures.eur("1.00")),
              new JournalLine("8000", AccountRole.REVENUE, Side.CREDIT, ExportFixtures.eur("1.00")))));
      return null;
    });
    String csv = csv(YEAR_START, YEAR_END);
    List<CSVRecord> rows = parse(csv);

    assertThat(rows).filteredOn(r -> r.get("entry_id").equals("awkward-1")).hasSize(2).allSatisfy(r -> {
      assertThat(r.get("description")).isEqualTo(awkward);
      assertThat(r.get("source_key")).isEqualTo("host:\"key\",1");
      assertThat(r.get("patient")).isEmpty();
    });
    assertThat(rows.stream().map(r -> r.get("description")).toList()).containsAll(f.journal(YEAR_START, YEAR_END)
        .stream().map(JournalEntry::description).toList());
    assertThat(csv).startsWith(String.join(",", JournalExport.CSV_COLUMNS) + "\r\n");
    Xaf.validate(xaf(YEAR_START, YEAR_END));
  }

  @Test
  void theXafValidatesAgainstTheOfficialSchema() throws Exception {
    byte[] file = xaf(YEAR_START, YEAR_END);

    Xaf.validate(file);
    assertThat(new String(file, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("<companyName>Fysio Utrecht &amp; Partners</companyName>");
  }

  @Test
  void theXafHasOneTransactionPerEntryAndItsDebitsEqualItsCredits() throws Exception {
    List<JournalEntry> journal = f.journal(YEAR_START, YEAR_END);
    ExportTotals totals;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    totals = export.writeXaf(PRACTICE, OWNER, YEAR_START, YEAR_END, out);
    Document doc = Xaf.parse(out.toByteArray());

    List<Element> transactions = Xaf.all(doc, "transaction");
    assertThat(transactions).hasSize(journal.size());
    assertThat(Xaf.all(doc, "trLine")).hasSize(journal.stream().mapToInt(e -> e.lines().size()).sum());
    for (int i = 0; i < journal.size(); i++) {
      assertThat(Xaf.child(transactions.get(i), "docRef")).isEqualTo(journal.get(i).id());
      assertThat(new BigDecimal(Xaf.child(transactions.get(i), "amnt")))
          .isEqualByComparingTo(journal.get(i).total().getAmount());
    }
    BigDecimal debit = Xaf.lineTotal(doc, "D");
    BigDecimal credit = Xaf.lineTotal(doc, "C");
    assertThat(debit).isEqualByComparingTo(credit).isPositive();
    Element header = Xaf.all(doc, "transactions").get(0);
    assertThat(new BigDecimal(Xaf.child(header, "totalDebit"))).isEqualByComparingTo(debit);
    assertThat(new BigDecimal(Xaf.child(header, "totalCredit"))).isEqualByComparingTo(credit);
    assertThat(Xaf.child(header, "linesCount")).isEqualTo(String.valueOf(totals.lines()));
    assertThat(totals.entries()).isEqualTo(journal.size());
    assertThat(totals.totalDebit()).isEqualByComparingTo(debit);

    Set<String> used = new TreeSet<>();
    journal.forEach(e -> e.lines().forEach(l -> used.add(l.account())));
    assertThat(Xaf.all(doc, "ledgerAccount").stream().map(a -> Xaf.child(a, "accID")).toList())
        .containsExactlyElementsOf(used);
  }

  @Test
  void theXafHeaderAndPeriodsFollowThePeriodInThePracticesZone() throws Exception {
    Document doc = Xaf.parse(xaf(YEAR_START, YEAR_END));

    Element header = Xaf.all(doc, "header").get(0);
    assertThat(Xaf.child(header, "fiscalYear")).isEqualTo("2026");
    assertThat(Xaf.child(header, "startDate")).isEqualTo("2026-01-01");
    assertThat(Xaf.child(header, "endDate")).isEqualTo("2026-12-31");
    assertThat(Xaf.child(header, "curCode")).isEqualTo("EUR");
    assertThat(Xaf.child(header, "dateCreated")).isEqualTo(f.clock.instant().atZone(JournalExport.AMSTERDAM)
        .toLocalDate().toString());
    assertThat(Xaf.all(doc, "period")).hasSize(12);
    Element company = Xaf.all(doc, "company").get(0);
    assertThat(Xaf.child(company, "companyIdent")).isEqualTo("12345678");
    assertThat(Xaf.child(company, "taxRegIdent")).isEqualTo("NL001234567B01");
  }

  @Test
  void anEmptyPeriodGivesAValidFileWithoutTransactionsAndACsvWithOnlyItsHeader() throws Exception {
    Instant before = Instant.parse("2025-01-01T00:00:00Z");
    byte[] file = xaf(before, before.plusSeconds(3600));

    Xaf.validate(file);
    assertThat(Xaf.all(Xaf.parse(file), "transaction")).isEmpty();
    assertThat(parse(csv(before, before))).isEmpty();
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefusedNamingToAndWritesNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter writer = new StringWriter();

    assertThatThrownBy(() -> export.writeXaf(PRACTICE, OWNER, YEAR_END, YEAR_START, out))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("to")));
    assertThatThrownBy(() -> export.writeCsv(PRACTICE, OWNER, YEAR_END, YEAR_START, writer))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("to");
    assertThat(out.size()).isZero();
    assertThat(writer.toString()).isEmpty();
  }

  @Test
  void anXafForAPracticeWithoutAProfileIsRefusedNamingItAndWritesNothing() {
    ExportFixtures bare = new ExportFixtures().withJournal(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> JournalExport.of(bare.pakketten).writeXaf(PRACTICE, OWNER, YEAR_START, YEAR_END, out))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.kind()).isEqualTo("practice profile");
          assertThat(e.id()).isEqualTo(PRACTICE.value());
        });
    assertThat(out.size()).isZero();
  }

  @Test
  void aPeriodOfMoreThan999MonthsIsRefusedNamingTo() {
    assertThatThrownBy(() -> xaf(Instant.parse("1900-01-01T00:00:00Z"), YEAR_END))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("to")));
  }

  @Test
  void aReceptionistMayNotExport() {
    assertThatThrownBy(() -> export.writeCsv(PRACTICE, RECEPTIONIST, YEAR_START, YEAR_END, new StringWriter()))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("export the journal");
  }

  @Test
  void aWindowExportsOnlyTheEntriesBookedInIt() throws Exception {
    Instant from = Instant.parse("2026-02-01T00:00:00Z");
    Instant to = Instant.parse("2026-03-01T00:00:00Z");
    List<JournalEntry> window = f.journal(from, to);

    assertThat(window).isNotEmpty().hasSizeLessThan(f.journal(YEAR_START, YEAR_END).size());
    List<String> ids = parse(csv(from, to)).stream().map(r -> r.get("entry_id")).toList();
    assertThat(ids).hasSize(window.stream().mapToInt(e -> e.lines().size()).sum());
    assertThat(ids.stream().distinct().toList()).isEqualTo(window.stream().map(JournalEntry::id).toList());
    byte[] file = xaf(from, to);
    Xaf.validate(file);
    assertThat(Xaf.all(Xaf.parse(file), "transaction")).hasSize(window.size());
    assertThat(window).allSatisfy(e -> assertThat(e.lines()).extracting(JournalLine::side)
        .contains(Side.DEBIT, Side.CREDIT));
  }

  @Test
  void aWindowsXafOpensWithEachAccountsBalanceBeforeItAndListsThoseAccounts() throws Exception {
    Instant from = Instant.parse("2026-03-01T00:00:00Z");
    Instant to = Instant.parse("2026-04-01T00:00:00Z");
    Map<String, BigDecimal> expected = new TreeMap<>();
    for (JournalEntry e : f.journal(YEAR_START, from)) {
      for (JournalLine l : e.lines()) {
        expected.merge(l.account(), l.signed().getAmount(), BigDecimal::add);
      }
    }
    expected.values().removeIf(balance -> balance.signum() == 0);
    assertThat(expected).as("the fixture books before March").isNotEmpty();

    byte[] file = xaf(from, to);
    Xaf.validate(file);
    Document doc = Xaf.parse(file);
    Element opening = Xaf.all(doc, "openingBalance").get(0);
    assertThat(Xaf.child(opening, "opBalDate")).isEqualTo("2026-03-01");
    Map<String, BigDecimal> written = new TreeMap<>();
    for (Element line : Xaf.all(doc, "obLine")) {
      BigDecimal amount = new BigDecimal(Xaf.child(line, "amnt"));
      written.put(Xaf.child(line, "accID"), Xaf.child(line, "amntTp").equals("D") ? amount : amount.negate());
    }
    assertThat(written).hasSameSizeAs(expected);
    expected.forEach((account, balance) -> assertThat(written.get(account)).as(account).isEqualByComparingTo(balance));
    assertThat(Xaf.child(opening, "linesCount")).isEqualTo(String.valueOf(expected.size()));
    BigDecimal debit = new BigDecimal(Xaf.child(opening, "totalDebit"));
    assertThat(debit).isPositive().isEqualByComparingTo(new BigDecimal(Xaf.child(opening, "totalCredit")));
    assertThat(Xaf.all(doc, "ledgerAccount").stream().map(a -> Xaf.child(a, "accID")).toList())
        .containsAll(expected.keySet());

    // A file from the first booking on has nothing before it: no opening balance.
    assertThat(Xaf.all(Xaf.parse(xaf(YEAR_START, YEAR_END)), "openingBalance")).isEmpty();
  }
}
