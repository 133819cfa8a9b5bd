package nl.pakketten.outbox;

import nl.pakketten.inmemory.InMemoryStorage;
import nl.pakketten.spi.Storage;
import nl.pakketten.testing.OutboxEventsContract;

/** Domain events through the outbox on the in-memory storage. */
class InMemoryOutboxEventsTest extends OutboxEventsContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
