package io.podometer.engine.metric;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work handed to another core while the caller does its own, and done by the caller when it asks
 * for the result before any core took it up: the caller never waits on a busy pool (a full
 * recomputation may hold every core of the common pool for seconds).
 */
public final class Meanwhile<T> {

  private final FutureTask<T> task;

  private Meanwhile(Supplier<T> work) {
    this.task = new FutureTask<>(work::get);
  }

  public static <T> Meanwhile<T> start(Supplier<T> work) {
    Meanwhile<T> meanwhile = new Meanwhile<>(work);
    // within a pool of its own (a full recomputation's), there; else in the common pool
    ForkJoinPool pool =
        ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
    pool.execute(meanwhile.task);
    return meanwhile;
  }

  /** The result: computed here if no core has started it, else waited for. */
  public T get() {
    task.run(); // nothing when a core has taken it up
    try {
      // another thread may be at it
      PoolWait.until(task::isDone, () -> waitFor(task));
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a computation", e);
    }
  }

  private static void waitFor(FutureTask<?> task) throws InterruptedException {
    try {
      task.get();
    } catch (ExecutionException e) {
      // reported by the caller's own get
    }
  }
}
