package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.RefundsContract;

/** Validity, breakage and refunds on H2. */
class H2RefundsContractTest extends RefundsContract {
  @Override
  protected Storage newStorage() {
    return Database.H2.emptyStorage();
  }
}
