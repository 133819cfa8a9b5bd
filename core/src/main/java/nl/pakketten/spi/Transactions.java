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
}
