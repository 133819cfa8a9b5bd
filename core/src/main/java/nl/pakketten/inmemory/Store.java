package nl.pakketten.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import nl.pakketten.spi.Transactions;

/**
 * The in-memory store's transactions: one lock serializes them (so a wallet is never read by two
 * spends at once), and an undo log rolls back every write of a transaction that throws.
 */
final class Store implements Transactions {
  private final ReentrantLock lock = new ReentrantLock(true);
  private Deque<Runnable> undo;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    try {
      if (undo != null) {
        return work.get(); // joins the transaction already open on this thread
      }
      undo = new ArrayDeque<>();
      try {
        T result = work.get();
        undo = null;
        return result;
      } catch (RuntimeException | Error e) {
        Deque<Runnable> log = undo;
        undo = null;
        log.forEach(Runnable::run); // newest first
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Runs one repository call: inside the caller's transaction, or alone. */
  <T> T locked(Supplier<T> work) {
    if (lock.isHeldByCurrentThread()) {
      return work.get(); // the common case: inside this thread's transaction
    }
    return inTransaction(work);
  }

  void onUndo(Runnable action) {
    if (undo != null) {
      undo.push(action);
    }
  }
}
