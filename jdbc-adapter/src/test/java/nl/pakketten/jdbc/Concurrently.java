package nl.pakketten.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs tasks on as many threads, released at once, and collects what each returned or threw. */
final class Concurrently {
  private Concurrently() {}

  /** What one task did. */
  record Outcome<T>(T result, Throwable error) {
    boolean failed() {
      return error != null;
    }
  }

  static <T> List<Outcome<T>> run(int threads, IntFunction<T> task) {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Outcome<T>>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(executor.submit(() -> {
          ready.countDown();
          go.await();
          try {
            return new Outcome<>(task.apply(index), null);
          } catch (RuntimeException | Error e) {
            return new Outcome<T>(null, e);
          }
        }));
      }
      ready.await();
      go.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<Outcome<T>> future : futures) {
        outcomes.add(future.get(2, TimeUnit.MINUTES));
      }
      return outcomes;
    } catch (Exception e) {
      throw new IllegalStateException("Concurrent run failed", e);
    } finally {
      executor.shutdownNow();
    }
  }
}
