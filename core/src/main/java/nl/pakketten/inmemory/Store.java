package nl.pakketten.inmemory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import nl.pakketten.spi.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory store's transactions: one lock serializes them (so a wallet is never read by two
 * spends at once), and an undo log rolls back every write of a transaction that throws.
 */
final class Store implements Transactions {
  private static final Logger LOG = LoggerFactory.getLogger("nl.pakketten.inmemory");

  private final ReentrantLock lock = new ReentrantLock(true);
  private Deque<Runnable> undo;
  private List<Runnable> afterCommit;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    List<Runnable> committed;
    T result;
    lock.lock();
    try {
      if (undo != null) {
        return work.get(); // joins the transaction already open on this thread
      }
      undo = new ArrayDeque<>();
      afterCommit = new ArrayList<>();
      try {
        result = work.get();
        committed = afterCommit;
      } catch (RuntimeException | Error e) {
        Deque<Runnable> log = undo;
        log.forEach(Runnable::run); // newest first
        throw e;
      } finally {
        undo = null;
        afterCommit = null;
      }
    } finally {
      lock.unlock();
    }
    for (Runnable action : committed) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("work after a commit failed; the transaction stays committed", e);
      }
    }
    return result;
  }

  /** Runs {@code action} after the transaction open on this thread commits, outside the lock. */
  @Override
  public boolean afterCommit(Runnable action) {
    if (!lock.isHeldByCurrentThread() || afterCommit == null) {
      throw new IllegalStateException("afterCommit outside a transaction");
    }
    afterCommit.add(action);
    return true;
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
