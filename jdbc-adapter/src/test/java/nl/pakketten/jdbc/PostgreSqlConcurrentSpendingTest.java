package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.ConcurrentSpendingContract;

/** The core's concurrency contract (racing threads on one wallet) on PostgreSQL. */
class PostgreSqlConcurrentSpendingTest extends ConcurrentSpendingContract {
  @Override
  protected Storage newStorage() {
    return JdbcStorage.create(Database.POSTGRESQL.dataSource()); // each test uses a practice of its own
  }
}
