package nl.pakketten.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real DataSource whose connections fail on purpose: it counts every statement execution and
 * commit ("steps") and, when armed, throws a {@link SQLException} with a chosen SQLSTATE at step
 * {@code n} instead of running it — or, with {@link #failAfter}, after running it (a commit that
 * happened but whose answer was lost). Everything else goes to the real database.
 */
final class FaultyDataSource implements DataSource {
  private static final Set<String> STEPS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
      "executeLargeUpdate", "executeLargeBatch", "commit");

  private final DataSource real;
  private final AtomicInteger steps = new AtomicInteger();
  private volatile int failAt = -1;
  private volatile boolean failAlways;
  private volatile boolean afterRunning;
  private volatile String sqlState;

  FaultyDataSource(DataSource real) {
    this.real = real;
  }

  /** Fails the {@code n}th step from now (1-based) with {@code sqlState}. */
  void failAt(int n, String sqlState) {
    this.sqlState = sqlState;
    afterRunning = false;
    steps.set(0);
    failAt = n;
  }

  /** Runs the {@code n}th step from now (1-based), then fails it with {@code sqlState}. */
  void failAfter(int n, String sqlState) {
    failAt(n, sqlState);
    afterRunning = true;
  }

  /** Fails every step from now on with {@code sqlState}. */
  void failAlways(String sqlState) {
    this.sqlState = sqlState;
    failAlways = true;
  }

  /** Counts from zero again, failing nothing. */
  void disarm() {
    failAlways = false;
    afterRunning = false;
    failAt = -1;
    steps.set(0);
  }

  /** Steps since the last {@link #failAt} or {@link #disarm}. */
  int steps() {
    return steps.get();
  }

  /** Runs one step, failing it before or after it ran when armed for it. */
  private Object step(String what, Handler.Call call) throws Throwable {
    if (steps.incrementAndGet() == failAt || failAlways) {
      failAt = -1;
      if (afterRunning) {
        call.run();
      }
      throw new SQLException("Injected fault " + (afterRunning ? "after " : "at ") + what, sqlState);
    }
    return call.run();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(real.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(real.getConnection(username, password));
  }

  private Connection wrap(Connection connection) {
    return proxy(Connection.class, connection, (method, args) -> {
      Object result = method.getName().equals("commit")
          ? step("commit", () -> invoke(connection, method, args))
          : invoke(connection, method, args);
      if (result instanceof PreparedStatement ps) {
        return proxy(PreparedStatement.class, ps, statementHandler(ps));
      }
      if (result instanceof Statement s) {
        return proxy(Statement.class, s, statementHandler(s));
      }
      return result;
    });
  }

  private Handler statementHandler(Statement statement) {
    return (method, args) -> {
      if (STEPS.contains(method.getName())) {
        return step(method.getName(), () -> invoke(statement, method, args));
      }
      return invoke(statement, method, args);
    };
  }

  @FunctionalInterface
  private interface Handler {
    Object handle(Method method, Object[] args) throws Throwable;

    @FunctionalInterface
    interface Call {
      Object run() throws Throwable;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler handler) {
    InvocationHandler h = (p, method, args) -> handler.handle(method, args);
    return (T) Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return real.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return real.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return real.isWrapperFor(iface);
  }
}
