package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.OutsideInputContract;

/** H2 answers input from outside as the other storages do. */
class H2OutsideInputContractTest extends OutsideInputContract {
  @Override
  protected Storage newStorage() {
    return Database.H2.emptyStorage();
  }
}
