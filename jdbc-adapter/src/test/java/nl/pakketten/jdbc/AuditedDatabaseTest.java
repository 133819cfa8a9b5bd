package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;

/**
 * A test on a real database whose ledger is audited after each test: whatever ran, {@link
 * LedgerAudit} finds no violation in the database the test used.
 */
abstract class AuditedDatabaseTest {
  private Database database;

  @AfterEach
  void ledgerAddsUp() {
    if (database != null) {
      assertThat(LedgerAudit.violations(database.dataSource())).isEmpty();
    }
  }

  /** Fixtures over an empty storage of {@code db}, the database audited after the test. */
  Fixtures fixtures(Database db) {
    this.database = db;
    return new Fixtures(db.emptyStorage());
  }

  /** The single number {@code sql} counts in the test's database. */
  long count(String sql, Object... params) {
    return LedgerAudit.count(database.dataSource(), sql, params);
  }
}
