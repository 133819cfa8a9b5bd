package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.OutboxEventsContract;

/** Domain events through the outbox on PostgreSQL. */
class PostgreSqlOutboxEventsTest extends OutboxEventsContract {
  @Override
  protected Storage newStorage() {
    return Database.POSTGRESQL.emptyStorage();
  }
}
