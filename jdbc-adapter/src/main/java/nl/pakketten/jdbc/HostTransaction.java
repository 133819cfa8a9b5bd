package nl.pakketten.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * How the adapter finds a transaction the host already opened on the calling thread, so that a
 * command joins it instead of opening its own. With Spring:
 *
 * <pre>{@code
 * JdbcStorage.builder(dataSource)
 *     .hostTransaction(new HostTransaction() {
 *       public Connection currentConnection() {
 *         return TransactionSynchronizationManager.isActualTransactionActive()
 *             ? DataSourceUtils.getConnection(dataSource) : null;
 *       }
 *       public void release(Connection connection) {
 *         DataSourceUtils.releaseConnection(connection, dataSource);
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>A joined command never commits, rolls back or changes the auto-commit mode of the host's
 * connection. It runs under a savepoint: when it fails, the adapter rolls back to the savepoint, so
 * the command leaves no trace and the host's transaction stays usable.
 */
@FunctionalInterface
public interface HostTransaction {
  /**
   * The connection of the transaction the host has open on this thread, or {@code null} when it has
   * none; the adapter then runs the command in a transaction of its own.
   *
   * @return the host's connection, auto-commit off; {@code null} when no transaction is open
   * @throws SQLException when the host cannot hand out its connection; the command then fails as
   *     a storage failure
   */
  @Nullable Connection currentConnection() throws SQLException;

  /**
   * Hands back a connection {@link #currentConnection()} gave; closes it by default.
   *
   * @param connection the connection the command used, still in the host's transaction
   * @throws SQLException when releasing it fails
   */
  default void release(Connection connection) throws SQLException {
    connection.close();
  }

  /**
   * Asks the host to run {@code action} once its transaction open on this thread has committed,
   * and never when it rolls back. The SDK uses it to publish a command's events right after the
   * host's commit; the default takes nothing, and the events then wait in the outbox for the
   * dispatcher. With Spring, register a {@code TransactionSynchronization} whose {@code afterCommit}
   * runs the action (the starter does).
   *
   * @param action what to run after the host's commit; it opens its own transactions
   * @return true when the host will run it after its commit; false (the default) when it will not
   */
  default boolean afterCommit(Runnable action) {
    return false;
  }
}
