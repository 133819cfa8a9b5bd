package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.InvoicingStorageContract;

/** The invoicing ports' contract on PostgreSQL. */
class PostgreSqlInvoicingContractTest extends InvoicingStorageContract {
  @Override
  protected Storage newStorage() {
    return JdbcStorage.create(Database.POSTGRESQL.dataSource()); // each test uses practices of its own
  }
}
