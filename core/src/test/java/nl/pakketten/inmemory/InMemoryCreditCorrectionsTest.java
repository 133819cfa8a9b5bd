package nl.pakketten.inmemory;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.CreditCorrectionsContract;

/** Payment reversals and transfers on the in-memory storage. */
class InMemoryCreditCorrectionsTest extends CreditCorrectionsContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
