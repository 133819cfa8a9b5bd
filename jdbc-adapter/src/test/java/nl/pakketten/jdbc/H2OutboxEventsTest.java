package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.OutboxEventsContract;

/** Domain events through the outbox on H2. */
class H2OutboxEventsTest extends OutboxEventsContract {
  @Override
  protected Storage newStorage() {
    return Database.H2.emptyStorage();
  }
}
