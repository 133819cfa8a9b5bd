package nl.pakketten.spring;

import java.util.List;
import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.TransientException;
import org.jspecify.annotations.Nullable;

/** Several {@link CommandObserver} beans told as one, in their order. */
final class CommandObservers implements CommandObserver {
  private final List<CommandObserver> observers;

  private CommandObservers(List<CommandObserver> observers) {
    this.observers = observers;
  }

  /** The one observer to give the builder: none, the only one, or all of them in turn. */
  static @Nullable CommandObserver of(List<CommandObserver> observers) {
    return switch (observers.size()) {
      case 0 -> null;
      case 1 -> observers.get(0);
      default -> new CommandObservers(List.copyOf(observers));
    };
  }

  @Override
  public void retrying(Command command, int attempt, int maxAttempts, TransientException cause) {
    for (CommandObserver observer : observers) {
      observer.retrying(command, attempt, maxAttempts, cause);
    }
  }

  @Override
  public void ended(Command command, @Nullable Object answer, @Nullable Throwable failure, int attempts, long nanos) {
    for (CommandObserver observer : observers) {
      observer.ended(command, answer, failure, attempts, nanos);
    }
  }

  @Override
  public boolean timed(Command command) {
    for (CommandObserver observer : observers) {
      if (observer.timed(command)) {
        return true;
      }
    }
    return false;
  }
}
