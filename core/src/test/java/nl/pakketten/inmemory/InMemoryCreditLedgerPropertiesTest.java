package nl.pakketten.inmemory;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.CreditLedgerProperties;

/** The credit ledger's properties on the in-memory adapter, with the default number of examples. */
class InMemoryCreditLedgerPropertiesTest extends CreditLedgerProperties {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
