package nl.pakketten.inmemory;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.ReportsContract;

/** The liability roll-forward and the revenue report on the in-memory storage. */
class InMemoryReportsContractTest extends ReportsContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
