package io.podometer.engine.metric;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BooleanSupplier;

/**
 * Waiting for work another thread of the pool took up, the way the pool wants it ({@link
 * ForkJoinPool#managedBlock}): it may put a spare thread to work meanwhile, so that no core idles
 * (the threads are as many as the cores). Outside a pool the wait is plain.
 */
final class PoolWait implements ForkJoinPool.ManagedBlocker {

  /** The wait itself: returns once the work is done. */
  interface Blocking {
    void await() throws InterruptedException;
  }

  private final BooleanSupplier done;
  private final Blocking blocking;

  private PoolWait(BooleanSupplier done, Blocking blocking) {
    this.done = done;
    this.blocking = blocking;
  }

  /** Waits until {@code done}, by {@code blocking}. */
  static void until(BooleanSupplier done, Blocking blocking) throws InterruptedException {
    if (done.getAsBoolean()) {
      return;
    }
    if (ForkJoinTask.inForkJoinPool()) {
      ForkJoinPool.managedBlock(new PoolWait(done, blocking));
    } else {
      blocking.await();
    }
  }

  @Override
  public boolean block() throws InterruptedException {
    blocking.await();
    return true;
  }

  @Override
  public boolean isReleasable() {
    return done.getAsBoolean();
  }
}
