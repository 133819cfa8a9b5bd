package nl.pakketten.spi;

import java.util.function.Supplier;

/**
 * Port: the transaction boundary. Every command runs its reads and writes in one call of {@link
 * #inTransaction}; the work either all happens or none of it does.
 *
 * <p>Repository methods called inside the work take part in that transaction. An adapter reports a
 * failure that a retry may cure as {@link TransientException}; the core then runs the work again.
 */
public interface Transactions {
  /**
   * Runs {@code work} in one transaction, committing when it returns and rolling back when it
   * throws.
   *
   * @param work the reads and writes of one command
   * @param <T> the type of its result
   * @return what {@code work} returned, after the commit
   * @throws TransientException when the transaction failed in a way a retry may cure
   */
  <T> T inTransaction(Supplier<T> work);

  /**
   * Asks to run {@code action} once the transaction open on this thread has committed, and never
   * when it rolls back. Called inside {@link #inTransaction}. The action runs on the committing
   * thread, outside the transaction; a transaction it opens is a new one of its own. An exception
   * it throws is the action's to handle: adapters log and drop it.
   *
   * <p>The SDK uses this to publish a command's events right after its commit; when the adapter
   * cannot tell when the transaction commits (it joined a host's transaction it is not told about),
   * it answers false and the SDK leaves the events to the outbox dispatcher.
   *
   * @param action what to run after the commit
   * @return true when the action will run after the commit; false (the default) when it will not run
   */
  default boolean afterCommit(Runnable action) {
    return false;
  }

  /**
   * Runs {@code work}, which only reads, in one transaction whose reads all see the same state: a
   * read that goes over the data more than once (an export that lists the accounts before the
   * entries) then finds the same entries each time. Inside a transaction already open, it joins it.
   *
   * <p>The default is {@link #inTransaction}, enough for an adapter whose transactions already see
   * one state (the in-memory adapter holds its lock for the whole transaction); the JDBC adapter
   * runs a read-only, repeatable-read transaction.
   *
   * @param work the reads
   * @param <T> the type of its result
   * @return what {@code work} returned
   * @throws TransientException when the transaction failed in a way a retry may cure
   */
  default <T> T inReadOnlyTransaction(Supplier<T> work) {
    return inTransaction(work);
  }
}
