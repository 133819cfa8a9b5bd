package nl.pakketten.internal;

import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.TransientException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's own {@link CommandLog} followed by the host's observer. What the host's observer throws
 * is logged at WARN and dropped: an observer never changes a command's outcome.
 */
public final class ObserverChain implements CommandObserver {
  private static final Logger LOG = LoggerFactory.getLogger("nl.pakketten.commands");

  private final CommandObserver log;
  private final CommandObserver host;

  private ObserverChain(CommandObserver log, CommandObserver host) {
    this.log = log;
    this.host = host;
  }

  /** The log alone when {@code host} is {@code null}, else the log and then {@code host}. */
  public static CommandObserver of(CommandObserver log, @Nullable CommandObserver host) {
    return host == null ? log : new ObserverChain(log, host);
  }

  @Override
  public void retrying(Command command, int attempt, int maxAttempts, TransientException cause) {
    log.retrying(command, attempt, maxAttempts, cause);
    try {
      host.retrying(command, attempt, maxAttempts, cause);
    } catch (RuntimeException e) {
      LOG.warn("Command observer {} failed on a retry of {}; ignored", host.getClass().getName(),
          command.operation(), e);
    }
  }

  @Override
  public void ended(Command command, @Nullable Object answer, @Nullable Throwable failure, int attempts, long nanos) {
    log.ended(command, answer, failure, attempts, nanos);
    try {
      host.ended(command, answer, failure, attempts, nanos);
    } catch (RuntimeException e) {
      LOG.warn("Command observer {} failed on the end of {}; ignored", host.getClass().getName(),
          command.operation(), e);
    }
  }

  @Override
  public boolean timed(Command command) {
    return log.timed(command) || host.timed(command);
  }
}
