package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.CreditLedgerProperties;
import org.junit.jupiter.api.AfterEach;

/**
 * The core's stateful property test of the credit ledger on PostgreSQL, with fewer examples than
 * in memory. Before each example, and after the last, the SQL audit checks the ledger the previous
 * example left: every stored balance equals the lots' remaining credits and the balance recomputed
 * from the movement history.
 */
class PostgreSqlCreditLedgerPropertiesTest extends CreditLedgerProperties {
  private boolean started;

  @Override
  protected Storage newStorage() {
    if (started) {
      auditTheLedgerTheLastExampleLeft();
    }
    started = true;
    return Database.POSTGRESQL.emptyStorage();
  }

  @AfterEach
  void auditTheLedgerTheLastExampleLeft() {
    assertThat(LedgerAudit.violations(Database.POSTGRESQL.dataSource())).as("the ledger the last example left").isEmpty();
  }

  @Override
  protected int examples() {
    return 45;
  }
}
