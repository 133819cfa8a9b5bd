package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.InvoiceLifeContract;

/** The life of a product invoice on H2. */
class H2InvoiceLifeTest extends InvoiceLifeContract {
  @Override
  protected Storage newStorage() {
    return Database.H2.emptyStorage();
  }
}
