package nl.pakketten.inmemory;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.ConcurrentSpendingContract;

/** Many threads on one wallet of the in-memory adapter. */
class InMemoryConcurrentSpendingTest extends ConcurrentSpendingContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
