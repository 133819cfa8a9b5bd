package nl.pakketten.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one transaction function from N client threads for a warm-up and a measured window, the
 * same way for both sides of every ratio, and reports transactions per second.
 */
final class Load {
  /** One transaction of one client; {@code client} is 0..clients-1, {@code n} counts its calls. */
  @FunctionalInterface
  interface Transaction {
    void run(int client, long n) throws Exception;
  }

  record Result(String name, int clients, double tps, long transactions, long errors, String firstError) {}

  private final int warmupSeconds;
  private final int measureSeconds;

  Load(int warmupSeconds, int measureSeconds) {
    this.warmupSeconds = warmupSeconds;
    this.measureSeconds = measureSeconds;
  }

  Result run(String name, int clients, Transaction tx) throws InterruptedException {
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    LongAdder done = new LongAdder();
    LongAdder errors = new LongAdder();
    String[] firstError = new String[1];
    CountDownLatch ready = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t = new Thread(() -> {
        ready.countDown();
        long n = 0;
        while (!stop.get()) {
          try {
            tx.run(client, n++);
            if (measuring.get()) {
              done.increment();
            }
          } catch (Exception e) {
            errors.increment();
            synchronized (firstError) {
              if (firstError[0] == null) {
                firstError[0] = e.toString();
              }
            }
          }
        }
      }, name + "-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    ready.await();
    Thread.sleep(warmupSeconds * 1000L);
    long start = System.nanoTime();
    measuring.set(true);
    Thread.sleep(measureSeconds * 1000L);
    measuring.set(false);
    long elapsed = System.nanoTime() - start;
    stop.set(true);
    for (Thread t : threads) {
      t.join(30_000);
    }
    long count = done.sum();
    return new Result(name, clients, count / (elapsed / 1e9), count, errors.sum(), firstError[0]);
  }
}
