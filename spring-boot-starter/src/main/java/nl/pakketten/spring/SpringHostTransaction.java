package nl.pakketten.spring;

import java.sql.Connection;
import javax.sql.DataSource;
import nl.pakketten.jdbc.HostTransaction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets a command join the Spring transaction open on the calling thread: the connection Spring's
 * transaction manager bound to this {@code DataSource}, handed back to Spring (not closed) when the
 * command is done. Outside a Spring transaction there is none, and the JDBC adapter runs the command
 * in a transaction of its own. Work the SDK asks to run after the commit (publishing the command's
 * events) is registered as a {@link TransactionSynchronization} of that transaction.
 */
final class SpringHostTransaction implements HostTransaction {
  private final DataSource dataSource;

  SpringHostTransaction(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public @Nullable Connection currentConnection() {
    return TransactionSynchronizationManager.isActualTransactionActive()
        ? DataSourceUtils.getConnection(dataSource) : null;
  }

  @Override
  public void release(Connection connection) {
    DataSourceUtils.releaseConnection(connection, dataSource);
  }

  @Override
  public boolean afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return false;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
    return true;
  }
}
