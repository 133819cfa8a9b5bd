package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.InvoicingStorageContract;

/** The invoicing ports' contract on H2. */
class H2InvoicingContractTest extends InvoicingStorageContract {
  @Override
  protected Storage newStorage() {
    return JdbcStorage.create(Database.H2.dataSource()); // each test uses practices of its own
  }
}
