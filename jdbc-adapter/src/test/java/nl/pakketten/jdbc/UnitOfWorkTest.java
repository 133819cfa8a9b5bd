package nl.pakketten.jdbc;

import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link UnitOfWork}, clause by clause, on a real connection to each database:
 * what it holds, when it flushes, what a statement path must do first (nothing), and what a failed
 * flush leaves (nothing, once the transaction is rolled back; and a unit of work that takes no more
 * work). "Written" is checked with a plain JDBC statement on the same connection, which goes around
 * the unit of work and so sees only what it wrote.
 */
class UnitOfWorkTest {
  private static final PackageId PK = PackageId.of("fysio");

  private static Object[] movement(String id) {
    return new Object[] {PRACTICE.value(), id, PATIENT.value(), PK.value(), "lot-1", "SPENT", 1,
        eur("40.00").getAmount(), "EUR", Values.instant(Fixtures.START), "reception-1", "why", "key:" + id};
  }

  private static Object[] entry(String id) {
    return new Object[] {PRACTICE.value(), id, Values.instant(Fixtures.START), PATIENT.value(), PK.value(),
        "lot-1", "key:" + id, "Credits spent", "SPEND"};
  }

  private static Object[] line(String entry, int no) {
    return new Object[] {PRACTICE.value(), entry, no, "8000", "REVENUE", "CREDIT", eur("40.00").getAmount(), "EUR",
        Values.instant(Fixtures.START), PK.value(), "SPEND"};
  }

  private static Dialect dialect(Database db) {
    return db == Database.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.H2;
  }

  /** A connection in a transaction of its own; rolled back by the caller's try-with-resources. */
  private static Connection begin(DataSource dataSource) throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /** Rows in {@code table} as this connection sees them, read around the unit of work. */
  private static long written(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Through the unit of work: a statement like every repository's. */
  private static long count(UnitOfWork work, String table) throws SQLException {
    return work.statement("SELECT COUNT(*) FROM " + table, Db.executeQuery(rs -> rs.getLong(1), new Object[0]))
        .get(0);
  }

  /** The package {@link #PK} and a wallet of {@link Fixtures#PATIENT} in it with {@code balance}, committed. */
  private static void walletWithBalance(Database db, int balance) throws SQLException {
    new Fixtures(db.emptyStorage()).createPackage("Fysio", eur("40.00"));
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO pakketten_wallets (practice_id, patient_id, package_id, balance) VALUES ('"
          + PRACTICE.value() + "', '" + PATIENT.value() + "', '" + PK.value() + "', " + balance + ")");
    }
  }

  private static Object[] balanceUpdate(int to, int from) {
    return new Object[] {to, PRACTICE.value(), PATIENT.value(), PK.value(), from};
  }

  private static final String UPDATE_BALANCE = "UPDATE pakketten_wallets SET balance = ?"
      + " WHERE practice_id = ? AND patient_id = ? AND package_id = ? AND balance = ?";

  private static int balance(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT balance FROM pakketten_wallets")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void appendedRowsAreHeldUntilTheNextStatementWhichWritesThemFirst(Database db) throws SQLException {
    db.clean();
    try (Connection c = begin(db.dataSource())) {
      UnitOfWork work = new UnitOfWork(c, dialect(db));
      work.append(UnitOfWork.Table.MOVEMENTS, movement("m-1"));
      work.append(UnitOfWork.Table.JOURNAL_ENTRIES, entry("e-1"));
      work.append(UnitOfWork.Table.JOURNAL_LINES, line("e-1", 0));

      assertThat(work.isEmpty()).isFalse();
      assertThat(written(c, "pakketten_movements")).as("held, not written").isZero();
      assertThat(count(work, "pakketten_journal_lines")).as("the statement reads its transaction's rows").isEqualTo(1);
      assertThat(work.isEmpty()).isTrue();
      assertThat(written(c, "pakketten_movements")).isEqualTo(1);
      assertThat(written(c, "pakketten_journal_entries")).isEqualTo(1);
      c.rollback();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void theNamedExceptionRunsAWriteAndKeepsWhatIsHeld(Database db) throws SQLException {
    walletWithBalance(db, 0);
    try (Connection c = begin(db.dataSource())) {
      UnitOfWork work = new UnitOfWork(c, dialect(db));
      work.append(UnitOfWork.Table.MOVEMENTS, movement("m-1"));
      work.holdUpdate(UPDATE_BALANCE, balanceUpdate(10, 0), "the wallet changed outside its lock");

      work.statementKeepingHeld("UPDATE pakketten_wallets SET balance = balance WHERE practice_id = ?",
          Db.executeUpdate(new Object[] {PRACTICE.value()}));

      assertThat(work.isEmpty()).isFalse();
      assertThat(written(c, "pakketten_movements")).isZero();
      assertThat(balance(c)).isZero();
      work.flush();
      assertThat(written(c, "pakketten_movements")).isEqualTo(1);
      assertThat(balance(c)).isEqualTo(10);
      c.rollback();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void onPostgreSqlAFlushOfUpdatesAndRowsIsOneStatement(Database db) throws SQLException {
    walletWithBalance(db, 10);
    FaultyDataSource counting = new FaultyDataSource(db.dataSource());
    try (Connection c = begin(counting)) {
      UnitOfWork work = new UnitOfWork(c, dialect(db));
      work.holdUpdate(UPDATE_BALANCE, balanceUpdate(9, 10), "the wallet changed outside its lock");
      work.append(UnitOfWork.Table.MOVEMENTS, movement("m-1"));
      work.append(UnitOfWork.Table.MOVEMENTS, movement("m-2"));
      work.append(UnitOfWork.Table.JOURNAL_ENTRIES, entry("e-1"));
      work.append(UnitOfWork.Table.JOURNAL_LINES, line("e-1", 0));
      work.append(UnitOfWork.Table.JOURNAL_LINES, line("e-1", 1));
      counting.disarm();

      work.flush();

      // H2: the update, then one insert or batch per table.
      assertThat(counting.steps()).isEqualTo(db == Database.POSTGRESQL ? 1 : 4);
      assertThat(balance(c)).isEqualTo(9);
      assertThat(written(c, "pakketten_journal_lines")).isEqualTo(2);
      c.rollback();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void anotherSavesGuardedUpdatesStartAfterTheEarlierOnesAreWritten(Database db) throws SQLException {
    walletWithBalance(db, 10);
    try (Connection c = begin(db.dataSource())) {
      UnitOfWork work = new UnitOfWork(c, dialect(db));
      work.startGuardedUpdates();
      work.holdUpdate(UPDATE_BALANCE, balanceUpdate(9, 10), "first save");
      assertThat(balance(c)).as("held").isEqualTo(10);

      work.startGuardedUpdates();
      assertThat(balance(c)).as("written before the second save holds its own").isEqualTo(9);
      work.holdUpdate(UPDATE_BALANCE, balanceUpdate(6, 9), "second save");
      work.complete();

      assertThat(balance(c)).isEqualTo(6);
      c.rollback();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void completeFlushesRunsTheHooksAndFlushesWhatTheyHeldThenTakesNoMoreWork(Database db) throws SQLException {
    db.clean();
    try (Connection c = begin(db.dataSource())) {
      UnitOfWork work = new UnitOfWork(c, dialect(db));
      List<Long> seenByHook = new ArrayList<>();
      work.append(UnitOfWork.Table.MOVEMENTS, movement("m-1"));
      work.beforeCommit(() -> {
        seenByHook.add(count(work, "pakketten_movements"));
        work.append(UnitOfWork.Table.MOVEMENTS, movement("m-2"));
      });

      work.complete();

      assertThat(seenByHook).as("the hook runs after the flush").containsExactly(1L);
      assertThat(work.isEmpty()).isTrue();
      assertThat(written(c, "pakketten_movements")).as("what the hook appended is written too").isEqualTo(2);
      assertThatThrownBy(() -> work.append(UnitOfWork.Table.MOVEMENTS, movement("m-3")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("completed");
      assertThatThrownBy(() -> count(work, "pakketten_movements")).isInstanceOf(IllegalStateException.class);
      c.rollback();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aGuardedUpdateThatChangesNoRowFailsTheFlushAndNothingOfItPersists(Database db) throws SQLException {
    walletWithBalance(db, 10);
    try (Connection c = begin(db.dataSource())) {
      UnitOfWork work = new UnitOfWork(c, dialect(db));
      work.append(UnitOfWork.Table.MOVEMENTS, movement("m-1"));
      work.holdUpdate(UPDATE_BALANCE, balanceUpdate(9, 10), "first");
      work.holdUpdate(UPDATE_BALANCE, balanceUpdate(5, 7), "the wallet changed outside its lock");

      assertThatThrownBy(work::flush).isInstanceOf(IllegalStateException.class)
          .hasMessage("the wallet changed outside its lock");
      // The unit of work refuses the rest of a command whose held writes were lost.
      assertThatThrownBy(() -> count(work, "pakketten_movements")).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("must be rolled back");
      assertThatThrownBy(() -> work.append(UnitOfWork.Table.MOVEMENTS, movement("m-2")))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(work::complete).isInstanceOf(IllegalStateException.class);
      c.rollback(); // what Db does with a failed transaction
    }
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(balance(c)).isEqualTo(10);
      assertThat(written(c, "pakketten_movements")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aFlushTheDatabaseRefusesFailsAndBreaksTheUnitOfWork(Database db) throws SQLException {
    db.clean();
    try (Connection c = begin(db.dataSource())) {
      UnitOfWork work = new UnitOfWork(c, dialect(db));
      work.append(UnitOfWork.Table.MOVEMENTS, movement("m-1"));
      work.append(UnitOfWork.Table.MOVEMENTS, movement("m-1")); // the same key twice

      assertThatThrownBy(work::flush).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(SqlErrors.sqlState((SQLException) e)).isEqualTo("23505"));
      assertThat(work.isEmpty()).as("taken before writing: never written twice").isTrue();
      assertThatThrownBy(work::flush).isInstanceOf(IllegalStateException.class);
      c.rollback();
    }
    assertThat(LedgerAudit.count(db.dataSource(), "pakketten_movements")).isZero();
  }
}
