package nl.pakketten.inmemory;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.StorageContract;

/** The in-memory adapter keeps the repository contract. */
class InMemoryStorageContractTest extends StorageContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
