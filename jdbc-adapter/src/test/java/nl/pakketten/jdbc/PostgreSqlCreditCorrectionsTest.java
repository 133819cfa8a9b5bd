package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.CreditCorrectionsContract;
import org.junit.jupiter.api.AfterEach;

/** Payment reversals and transfers on PostgreSQL. */
class PostgreSqlCreditCorrectionsTest extends CreditCorrectionsContract {
  @Override
  protected Storage newStorage() {
    return Database.POSTGRESQL.emptyStorage();
  }

  @AfterEach
  void ledgerAddsUp() {
    assertThat(LedgerAudit.violations(Database.POSTGRESQL.dataSource())).isEmpty();
  }
}
