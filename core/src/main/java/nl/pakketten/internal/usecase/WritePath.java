package nl.pakketten.internal.usecase;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nl.pakketten.access.AccessPolicy;
import nl.pakketten.access.Action;
import nl.pakketten.common.Actor;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.CommandValidator;
import nl.pakketten.internal.TransactionRunner;
import org.jspecify.annotations.Nullable;

/**
 * The one path every write takes, so that no use case can skip a step or take them in another
 * order: the command's annotated constraints are checked at once; then, inside the runner (so that a
 * refusal is logged as the command's outcome), the use case's own field rules are added, every
 * violation is thrown together, and the actor's access is checked; only then does the work run in
 * a transaction, retried on transient failures.
 *
 * <p>Built once by the entry point and shared by the handlers, like the runner it wraps.
 */
public final class WritePath {
  private static final Consumer<CommandValidator.Check> NO_RULES = check -> { };

  private final AccessPolicy access;
  private final TransactionRunner tx;
  private final CommandValidator validator;

  /** A path that checks commands with {@code validator} and {@code access} and runs them in {@code tx}. */
  public WritePath(AccessPolicy access, TransactionRunner tx, CommandValidator validator) {
    this.access = access;
    this.tx = tx;
    this.validator = validator;
  }

  /** Starts a write of {@code command}; its annotated constraints are checked now (a null command fails here). */
  Write check(Object command) {
    return new Write(validator.check(command));
  }

  /** One write on its way: the rules and access it needs, then {@code run}. */
  final class Write {
    private final CommandValidator.Check check;
    private Consumer<CommandValidator.Check> rules = NO_RULES;
    private @Nullable Actor actor;
    private @Nullable Action action;

    private Write(CommandValidator.Check check) {
      this.check = check;
    }

    /** Field rules the annotations cannot state (a sign, a supported range); they run with the checks. */
    Write rules(Consumer<CommandValidator.Check> rules) {
      this.rules = rules;
      return this;
    }

    /** The actor, who needs {@code action}; checked once the command's fields are valid. */
    Write access(@Nullable Actor actor, Action action) {
      this.actor = actor;
      this.action = action;
      return this;
    }

    /** Runs {@code work} as a command idempotent on {@code key}; see {@link TransactionRunner#run}. */
    <T> T run(String operation, PracticeId practice, Object key, Function<List<DomainEvent>, T> work) {
      return tx.run(operation, practice, key, this::checks, work);
    }

    /** Runs {@code work} as a command whose answer tells a replay; see {@link TransactionRunner#run}. */
    <T> T run(String operation, PracticeId practice, Object key, UnaryOperator<T> asFirstCall,
        Function<List<DomainEvent>, T> work) {
      return tx.run(operation, practice, key, this::checks, asFirstCall, work);
    }

    /**
     * Runs {@code work} as a command whose repeat cannot tell "done before" from "never possible";
     * see {@link TransactionRunner#runWithoutReplay}.
     */
    <T> T runWithoutReplay(String operation, PracticeId practice, Object key, Function<List<DomainEvent>, T> work) {
      return tx.runWithoutReplay(operation, practice, key, this::checks, work);
    }

    /** Runs the checks now, outside any transaction: for a command carried out as many transactions. */
    void checkNow() {
      checks();
    }

    private void checks() {
      rules.accept(check);
      check.orThrow();
      access.check(actor, action);
    }
  }
}
