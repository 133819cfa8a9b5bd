package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.CreditLedgerProperties;
import org.junit.jupiter.api.AfterEach;

/**
 * The core's stateful property test of the credit ledger on H2. Before each example, and
 * after the last, the SQL audit checks the ledger the previous example left: every stored balance
 * equals the lots' remaining credits and the balance recomputed from the movement history.
 */
class H2CreditLedgerPropertiesTest extends CreditLedgerProperties {
  private boolean started;

  @Override
  protected Storage newStorage() {
    if (started) {
      auditTheLedgerTheLastExampleLeft();
    }
    started = true;
    return Database.H2.emptyStorage();
  }

  @AfterEach
  void auditTheLedgerTheLastExampleLeft() {
    assertThat(LedgerAudit.violations(Database.H2.dataSource())).as("the ledger the last example left").isEmpty();
  }

}
