package nl.pakketten.internal;

import nl.pakketten.common.Answer;
import nl.pakketten.common.PakkettenException;
import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.TransientException;
import nl.pakketten.storage.OutcomeUnknownException;
import nl.pakketten.storage.StorageException;
import nl.pakketten.storage.TransactionFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of commands and reads: one line each as it ends, and a WARN per retry. The logger names
 * are stable (an operator configures them, so they do not follow the internal class names):
 * {@value #COMMANDS}, {@value #READS} and {@value #RETRIES}.
 *
 * <p>A line carries only the host's ids (practice, idempotency key), the operation, the outcome as
 * a type name, the attempts and the time taken: never a patient's name or contact details, a
 * free-text reason, an amount, or an exception's message (a database message can quote the values
 * of a row). The caller gets the exception itself, message and all.
 */
public final class CommandLog implements CommandObserver {
  /** One line per command: DEBUG, or WARN when it failed in a way an operator must look at. */
  public static final String COMMANDS = "nl.pakketten.commands";
  /** One line per read, the same way. */
  public static final String READS = "nl.pakketten.reads";
  /** A WARN per failed attempt that the runner retries. */
  public static final String RETRIES = "nl.pakketten.retries";

  private static final Logger COMMAND_LOG = LoggerFactory.getLogger(COMMANDS);
  private static final Logger READ_LOG = LoggerFactory.getLogger(READS);
  private static final Logger RETRY_LOG = LoggerFactory.getLogger(RETRIES);

  @Override
  public void retrying(CommandObserver.Command command, int attempt, int maxAttempts, TransientException cause) {
    if (RETRY_LOG.isWarnEnabled()) {
      RETRY_LOG.warn("retry {}={} practice={} key={} attempt={}/{} reason={} sqlstate={}",
          command.read() ? "read" : "command", command.operation(), text(command.practice()), text(command.key()),
          attempt, maxAttempts, cause.outcomeUnknown() ? "outcome-unknown" : "not-stored", text(sqlState(cause)));
    }
  }

  /** Only when the line will be written at DEBUG: a WARN line of an untimed command says {@code ms=-}. */
  @Override
  public boolean timed(CommandObserver.Command command) {
    return (command.read() ? READ_LOG : COMMAND_LOG).isDebugEnabled();
  }

  @Override
  public void ended(CommandObserver.Command command, Object answer, Throwable failure, int attempts, long nanos) {
    Logger log = command.read() ? READ_LOG : COMMAND_LOG;
    boolean warn = failure != null && !isRefusal(failure);
    if (warn ? !log.isWarnEnabled() : !log.isDebugEnabled()) {
      return;
    }
    String line = line(command, answer, failure, attempts, nanos);
    if (warn) {
      log.warn(line);
    } else {
      log.debug(line);
    }
  }

  /**
   * A refusal the SDK throws on purpose and the caller is expected to handle (invalid input, access
   * denied, not found, insufficient credits, a conflict with what is stored): nothing is wrong with
   * the system, so DEBUG. Given-up conflicts, unknown outcomes, storage failures and anything
   * unexpected are WARN.
   */
  static boolean isRefusal(Throwable failure) {
    return failure instanceof PakkettenException && !(failure instanceof TransactionFailedException
        || failure instanceof OutcomeUnknownException || failure instanceof StorageException
        || failure instanceof TransientException);
  }

  private static String line(CommandObserver.Command command, Object answer, Throwable failure, int attempts, long nanos) {
    StringBuilder b = new StringBuilder(160);
    b.append(command.read() ? "read=" : "command=").append(command.operation())
        .append(" practice=").append(text(command.practice()));
    if (!command.read()) {
      b.append(" key=").append(text(command.key()));
    }
    if (failure == null) {
      b.append(" outcome=").append(command.read() ? "ok" : typeName(answer));
      if (!command.read()) {
        b.append(" replay=").append(answer instanceof Answer a ? String.valueOf(a.replay()) : "-");
      }
    } else {
      b.append(" outcome=").append(failure.getClass().getSimpleName());
      String state = sqlState(failure);
      if (state != null) {
        b.append(" sqlstate=").append(state);
      }
    }
    b.append(" attempts=").append(attempts).append(" ms=");
    if (nanos < 0) {
      return b.append('-').toString();
    }
    long micros = nanos / 1_000;
    b.append(micros / 1_000).append('.');
    long fraction = micros % 1_000;
    if (fraction < 100) {
      b.append(fraction < 10 ? "00" : "0");
    }
    return b.append(fraction).toString();
  }

  /** The answer's type, without the {@code Immutable} prefix of a generated class. */
  private static String typeName(Object answer) {
    if (answer == null) {
      return "done";
    }
    String name = answer.getClass().getSimpleName();
    return name.startsWith("Immutable") ? name.substring("Immutable".length()) : name;
  }

  /** The first SQLSTATE the SDK's own exceptions carry along the cause chain; never a message. */
  static String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String state = t instanceof TransientException te ? te.sqlState()
          : t instanceof StorageException se ? se.sqlState() : null;
      if (state != null) {
        return state;
      }
    }
    return null;
  }

  private static String text(Object value) {
    return value == null ? "-" : value.toString();
  }
}
