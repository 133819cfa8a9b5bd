package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.StorageContract;

/** The core's repository contract on PostgreSQL. */
class PostgreSqlStorageContractTest extends StorageContract {
  @Override
  protected Storage newStorage() {
    return JdbcStorage.create(Database.POSTGRESQL.dataSource()); // each test uses practices of its own
  }
}
