package nl.pakketten.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import nl.pakketten.spi.CommandObserver;
import nl.pakketten.spi.TransientException;
import org.jspecify.annotations.Nullable;

/**
 * Records each command and read that ends, and each retry, in Micrometer meters. Tags hold only
 * names from bounded sets: the operation ({@code registerPayment}, {@code schedule}, ...), the
 * outcome (the answer's type, {@code done} for a command that answers nothing, {@code ok} for a
 * read, or the exception's simple class name), the exception's simple class name, the retry reason.
 * Never a practice, patient or key: those are unbounded, and may identify a person.
 */
final class MicrometerCommandObserver implements CommandObserver {
  static final String COMMANDS = "pakketten.commands";
  static final String READS = "pakketten.reads";
  static final String FAILURES = "pakketten.commands.failures";
  static final String RETRIES = "pakketten.commands.retries";

  private final MeterRegistry registry;

  MicrometerCommandObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void retrying(Command command, int attempt, int maxAttempts, TransientException cause) {
    Counter.builder(RETRIES)
        .description("Attempts of a Pakketten command that failed transiently and were run again")
        .tag("operation", command.operation())
        .tag("reason", cause.outcomeUnknown() ? "outcome-unknown" : "not-stored")
        .register(registry)
        .increment();
  }

  @Override
  public void ended(Command command, @Nullable Object answer, @Nullable Throwable failure, int attempts, long nanos) {
    String outcome = failure != null ? failure.getClass().getSimpleName()
        : command.read() ? "ok" : typeName(answer);
    Timer timer = Timer.builder(command.read() ? READS : COMMANDS)
        .description(command.read() ? "Pakketten reads, by operation and outcome"
            : "Pakketten commands, by operation and outcome")
        .tag("operation", command.operation())
        .tag("outcome", outcome)
        .register(registry);
    if (nanos >= 0) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    }
    if (failure != null && !command.read()) {
      Counter.builder(FAILURES)
          .description("Pakketten commands that threw, by operation and exception class")
          .tag("operation", command.operation())
          .tag("exception", failure.getClass().getSimpleName())
          .register(registry)
          .increment();
    }
  }

  /** The answer's type, without the {@code Immutable} prefix of a generated class (as the log line). */
  private static String typeName(@Nullable Object answer) {
    if (answer == null) {
      return "done";
    }
    String name = answer.getClass().getSimpleName();
    return name.startsWith("Immutable") ? name.substring("Immutable".length()) : name;
  }
}
