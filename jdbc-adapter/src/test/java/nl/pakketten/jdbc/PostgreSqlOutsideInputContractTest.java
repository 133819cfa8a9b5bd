package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.OutsideInputContract;

/** PostgreSQL answers input from outside as the other storages do. */
class PostgreSqlOutsideInputContractTest extends OutsideInputContract {
  @Override
  protected Storage newStorage() {
    return Database.POSTGRESQL.emptyStorage();
  }
}
