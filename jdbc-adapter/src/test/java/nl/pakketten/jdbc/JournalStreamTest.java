package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.pakketten.common.PracticeId;
import nl.pakketten.revenue.EntryKind;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.Side;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcJournal#forEach} reads through a database cursor in a read-only transaction: on
 * PostgreSQL the query stays an open portal while the entries are handed on (the driver fetches
 * {@link JdbcJournal#FETCH_SIZE} rows at a time instead of loading the result), and a write in that
 * transaction is refused.
 */
class JournalStreamTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  private static List<JournalEntry> book(Db db, PracticeId practice, int entries) {
    Money amount = Money.of(CurrencyUnit.EUR, 12.5);
    List<JournalEntry> booked = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      booked.add(new JournalEntry("e-" + i, practice, T0.plusSeconds(i), EntryKind.SPEND, null, null, null,
          "source:" + i, "entry",
          List.of(new JournalLine("1710", AccountRole.DEFERRED_REVENUE, Side.DEBIT, amount),
              new JournalLine("8000", AccountRole.REVENUE, Side.CREDIT, amount))));
    }
    JdbcJournal journal = new JdbcJournal(db);
    db.inTransaction(() -> {
      booked.forEach(journal::append);
      return null;
    });
    return booked;
  }

  private static Db db(Database database) throws Exception {
    DataSource dataSource = database.dataSource();
    try (Connection c = dataSource.getConnection()) {
      return new Db(dataSource, Dialect.of(c), null);
    }
  }

  @Test
  void onPostgreSqlTheQueryIsAnOpenCursorWhileTheEntriesAreHandedOn() throws Exception {
    Db db = db(Database.POSTGRESQL);
    PracticeId practice = PracticeId.of("stream-" + UUID.randomUUID());
    List<JournalEntry> booked = book(db, practice, 3 * JdbcJournal.FETCH_SIZE);
    List<JournalEntry> seen = new ArrayList<>();
    long[] portals = {-1};

    db.inReadOnlyTransaction(() -> {
      new JdbcJournal(db).forEach(practice, T0, T0.plusSeconds(1_000_000), e -> {
        if (seen.isEmpty()) {
          portals[0] = db.first("count the open portals",
              // The pattern is split so that this query's own text does not match it.
              "SELECT count(*) FROM pg_cursors WHERE statement LIKE '%JOIN pakketten' || '_journal_lines%'",
              rs -> rs.getLong(1))
              .orElseThrow();
        }
        seen.add(e);
      });
      return null;
    });

    assertThat(portals[0]).as("the streaming query's portal, open while its first rows are read").isEqualTo(1);
    assertThat(seen).isEqualTo(booked);
  }

  @Test
  void theReadOnlyTransactionRefusesAWriteOnPostgreSql() throws Exception {
    Db db = db(Database.POSTGRESQL);
    PracticeId practice = PracticeId.of("stream-" + UUID.randomUUID());

    Money one = Money.of(CurrencyUnit.EUR, 1);
    JournalEntry entry = new JournalEntry("w-1", practice, T0, EntryKind.SPEND, null, null, null, "source", "entry",
        List.of(new JournalLine("1710", AccountRole.DEFERRED_REVENUE, Side.DEBIT, one),
            new JournalLine("8000", AccountRole.REVENUE, Side.CREDIT, one)));

    Throwable refused = catchThrowable(() -> db.inReadOnlyTransaction(() -> {
      new JdbcJournal(db).append(entry);
      return null;
    }));

    assertThat(refused).hasMessageContaining("25006"); // read_only_sql_transaction
    // The connection is back to read-write: the same write in an ordinary transaction is stored.
    assertThat(book(db, practice, 2)).hasSize(2);
  }

  @Test
  void onH2TheStreamGivesEveryEntryInOrder() throws Exception {
    Db db = db(Database.H2);
    PracticeId practice = PracticeId.of("stream-" + UUID.randomUUID());
    List<JournalEntry> booked = book(db, practice, 2 * JdbcJournal.FETCH_SIZE + 7);
    List<JournalEntry> seen = new ArrayList<>();

    db.inReadOnlyTransaction(() -> {
      new JdbcJournal(db).forEach(practice, T0, T0.plusSeconds(1_000_000), seen::add);
      return null;
    });

    assertThat(seen).isEqualTo(booked);
  }
}
