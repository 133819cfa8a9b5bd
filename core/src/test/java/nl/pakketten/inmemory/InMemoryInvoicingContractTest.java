package nl.pakketten.inmemory;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.InvoicingStorageContract;

/** The invoicing ports' contract on the in-memory storage. */
class InMemoryInvoicingContractTest extends InvoicingStorageContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
