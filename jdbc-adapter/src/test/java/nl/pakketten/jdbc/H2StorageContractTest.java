package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.StorageContract;

/** The core's repository contract on H2. */
class H2StorageContractTest extends StorageContract {
  @Override
  protected Storage newStorage() {
    return JdbcStorage.create(Database.H2.dataSource()); // each test uses practices of its own
  }
}
