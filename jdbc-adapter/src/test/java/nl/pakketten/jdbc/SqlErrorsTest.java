package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.spi.TransientException;
import nl.pakketten.storage.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are retried, and whether each may have been stored. */
class SqlErrorsTest {
  @ParameterizedTest
  @ValueSource(strings = {"08006", "08003", "08001", "08000", "57P01", "57P02", "57P03", "90067"})
  void aConnectionEndedOrLostIsRetryableWithAnUnknownOutcome(String state) {
    RuntimeException e = SqlErrors.translate(new SQLException("terminating connection due to administrator command",
        state), "lock the wallet");

    assertThat(e).isInstanceOfSatisfying(TransientException.class, t -> {
      assertThat(t.outcomeUnknown()).isTrue();
      assertThat(t.retryableHere()).isTrue();
    }).hasMessageContaining("SQLSTATE " + state).hasMessageContaining("the outcome is unknown")
        .hasMessageNotContaining("refused");
  }

  @Test
  void aConnectionExceptionWithoutASqlStateIsAnUnknownOutcomeToo() {
    assertThat(SqlErrors.translate(new SQLRecoverableException("I/O error"), "commit"))
        .isInstanceOfSatisfying(TransientException.class, t -> assertThat(t.outcomeUnknown()).isTrue());
    assertThat(SqlErrors.translate(new SQLNonTransientConnectionException("closed"), "commit"))
        .isInstanceOfSatisfying(TransientException.class, t -> assertThat(t.outcomeUnknown()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"40001", "40P01", "55P03", "57014", "HYT00", "90131", "23505", "23503", "23506"})
  void aConflictTheDatabaseRolledBackIsRetryableAndNotStored(String state) {
    RuntimeException e = SqlErrors.translate(new SQLException("conflict", state), "lock the wallet");

    assertThat(e).isInstanceOfSatisfying(TransientException.class, t -> {
      assertThat(t.outcomeUnknown()).isFalse();
      assertThat(t.retryableHere()).isTrue();
    });
  }

  @Test
  void aPoolTimeoutIsRetryableAndNotStored() {
    SQLTransientConnectionException timeout = new SQLTransientConnectionException(
        "pool - Connection is not available, request timed out after 30000ms.");

    assertThat(SqlErrors.translateConnect(timeout)).isInstanceOfSatisfying(TransientException.class,
        t -> assertThat(t.outcomeUnknown()).isFalse()).hasMessageContaining("nothing was sent");
    assertThat(SqlErrors.translate(timeout, "run a statement")).isInstanceOfSatisfying(TransientException.class,
        t -> assertThat(t.outcomeUnknown()).isFalse());
  }

  @Test
  void aDatabaseNotReachableWhenConnectingIsNotStored() {
    SQLTransientConnectionException timeout = new SQLTransientConnectionException("pool - timed out", null,
        new SQLException("Connection to localhost:5432 refused", "08001"));

    assertThat(SqlErrors.translateConnect(timeout)).isInstanceOfSatisfying(TransientException.class,
        t -> assertThat(t.outcomeUnknown()).isFalse());
  }

  @ParameterizedTest
  @ValueSource(strings = {"57P01", "08006", "XX000", "53100"})
  void aFailedCommitIsNeverRefusedButAnUnknownOutcome(String state) {
    TransientException e = SqlErrors.translateCommit(new SQLException("An I/O error occurred", state,
        new EOFException()));

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e).hasMessageContaining("outcome is unknown").hasMessageNotContaining("refused");
  }

  @Test
  void aFailedCommitTheDatabaseRolledBackIsNotStored() {
    assertThat(SqlErrors.translateCommit(new SQLException("could not serialize access", "40001")).outcomeUnknown())
        .isFalse();
  }

  @Test
  void aRefusalIsNotRetried() {
    assertThat(SqlErrors.translate(new SQLException("permission denied", "42501"), "lock the wallet"))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("refused");
    assertThat(SqlErrors.translate(new SQLException("value too long", "22001"), "store the package"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theSqlStateAndTheMessageShownComeFromTheSameException() {
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
    batch.setNextException(new SQLException("duplicate key value violates unique constraint\nDetail: Key (id)",
        "23505"));

    String described = SqlErrors.describe(batch);

    assertThat(described).isEqualTo("SQLSTATE 23505: duplicate key value violates unique constraint");
    SQLException withOwnState = new SQLException("terminating connection due to administrator command", "57P01");
    withOwnState.setNextException(new SQLException("another failure", "XX000"));
    assertThat(SqlErrors.describe(withOwnState))
        .isEqualTo("SQLSTATE 57P01: terminating connection due to administrator command");
    assertThat(SqlErrors.describe(new SQLException("no state"))).isEqualTo("no SQLSTATE: no state");
  }
}
