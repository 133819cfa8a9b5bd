package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.PatientReportsContract;

/** Outstanding credits and patient statements on H2. */
class H2PatientReportsContractTest extends PatientReportsContract {
  @Override
  protected Storage newStorage() {
    return Database.H2.emptyStorage();
  }
}
