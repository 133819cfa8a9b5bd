package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.ReportsContract;

/** The liability roll-forward and the revenue report on the H2 storage. */
class H2ReportsContractTest extends ReportsContract {
  @Override
  protected Storage newStorage() {
    return Database.H2.emptyStorage();
  }
}
