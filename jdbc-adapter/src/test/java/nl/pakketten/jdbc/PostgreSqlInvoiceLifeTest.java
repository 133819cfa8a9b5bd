package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.InvoiceLifeContract;

/** The life of a product invoice on PostgreSQL. */
class PostgreSqlInvoiceLifeTest extends InvoiceLifeContract {
  @Override
  protected Storage newStorage() {
    return Database.POSTGRESQL.emptyStorage();
  }
}
