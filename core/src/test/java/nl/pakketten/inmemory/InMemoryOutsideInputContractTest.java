package nl.pakketten.inmemory;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.OutsideInputContract;

/** The in-memory storage answers input from outside as the databases do. */
class InMemoryOutsideInputContractTest extends OutsideInputContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
