package nl.pakketten.export;

import static nl.pakketten.export.ExportFixtures.BOOKKEEPER;
import static nl.pakketten.export.ExportFixtures.PRACTICE;
import static nl.pakketten.export.ExportFixtures.YEAR_END;
import static nl.pakketten.export.ExportFixtures.YEAR_START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import nl.pakketten.jdbc.JdbcStorage;
import nl.pakketten.revenue.JournalEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Both exports over the JDBC adapter on H2: the streamed cursor gives what the paged journal gives. */
class H2ExportTest {
  private static JdbcStorage storage() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:export-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations(JdbcStorage.migrationsFor(dataSource))
        .table("pakketten_schema_history").load().migrate();
    return JdbcStorage.create(dataSource);
  }

  @Test
  void theExportsOverH2MatchTheJournalAndTheXafValidates() throws Exception {
    ExportFixtures f = new ExportFixtures(storage()).withProfile().withJournal(3);
    JournalExport export = JournalExport.of(f.pakketten);
    List<JournalEntry> journal = f.journal(YEAR_START, YEAR_END);

    StringWriter csv = new StringWriter();
    ExportTotals csvTotals = export.writeCsv(PRACTICE, BOOKKEEPER, YEAR_START, YEAR_END, csv);
    List<CSVRecord> rows;
    try (CSVParser parser = CSVParser.parse(new StringReader(csv.toString()),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      rows = parser.getRecords();
    }
    assertThat(rows).hasSize(journal.stream().mapToInt(e -> e.lines().size()).sum());
    assertThat(rows.stream().map(r -> r.get("entry_id")).distinct().toList())
        .isEqualTo(journal.stream().map(JournalEntry::id).toList());

    ByteArrayOutputStream xaf = new ByteArrayOutputStream();
    ExportTotals xafTotals = export.writeXaf(PRACTICE, BOOKKEEPER, YEAR_START, YEAR_END, xaf);
    Xaf.validate(xaf.toByteArray());
    Document doc = Xaf.parse(xaf.toByteArray());
    assertThat(Xaf.all(doc, "transaction")).hasSize(journal.size());
    assertThat(Xaf.lineTotal(doc, "D")).isEqualByComparingTo(Xaf.lineTotal(doc, "C"));
    assertThat(xafTotals).isEqualTo(csvTotals);
  }
}
