package nl.pakketten.inmemory;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.PatientReportsContract;

/** Outstanding credits and patient statements on the in-memory storage. */
class InMemoryPatientReportsContractTest extends PatientReportsContract {
  @Override
  protected Storage newStorage() {
    return InMemoryStorage.create();
  }
}
