package nl.pakketten.sale;

import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.spi.Storage;
import nl.pakketten.testing.InvoiceLifeContract;

/** The life of a product invoice on the in-memory storage. */
class InMemoryInvoiceLifeTest extends InvoiceLifeContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
