package nl.pakketten.inmemory;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.RefundsContract;

/** Validity, breakage and refunds on the in-memory storage. */
class InMemoryRefundsContractTest extends RefundsContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
