package nl.pakketten.jdbc;

import nl.pakketten.spi.Storage;
import nl.pakketten.testing.RefundsContract;

/** Validity, breakage and refunds on PostgreSql. */
class PostgreSqlRefundsContractTest extends RefundsContract {
  @Override
  protected Storage newStorage() {
    return Database.POSTGRESQL.emptyStorage();
  }
}
