package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.CreditCorrectionsContract;
import org.junit.jupiter.api.AfterEach;

/** Payment reversals and transfers on H2. */
class H2CreditCorrectionsTest extends CreditCorrectionsContract {
  @Override
  protected Storage newStorage() {
    return Database.H2.emptyStorage();
  }

  @AfterEach
  void ledgerAddsUp() {
    assertThat(LedgerAudit.violations(Database.H2.dataSource())).isEmpty();
  }
}
