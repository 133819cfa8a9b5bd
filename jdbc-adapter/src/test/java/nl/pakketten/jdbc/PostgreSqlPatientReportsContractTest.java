package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.PatientReportsContract;

/** Outstanding credits and patient statements on PostgreSQL. */
class PostgreSqlPatientReportsContractTest extends PatientReportsContract {
  @Override
  protected Storage newStorage() {
    return Database.POSTGRESQL.emptyStorage();
  }
}
