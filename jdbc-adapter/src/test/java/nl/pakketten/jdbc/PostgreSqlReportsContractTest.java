package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.ReportsContract;

/** The liability roll-forward and the revenue report on the PostgreSQL storage. */
class PostgreSqlReportsContractTest extends ReportsContract {
  @Override
  protected Storage newStorage() {
    return Database.POSTGRESQL.emptyStorage();
  }
}
