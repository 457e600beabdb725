package io.podometer.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MeanwhileTest {

  @Test
  @Timeout(10)
  void theCallerDoesTheWorkWhenEveryCoreOfThePoolIsBusy() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(ForkJoinPool.commonPool().getParallelism());
    List<Future<?>> blockers = new ArrayList<>();
    for (int i = 0; i < ForkJoinPool.commonPool().getParallelism(); i++) {
      blockers.add(
          ForkJoinPool.commonPool()
              .submit(
                  () -> {
                    busy.countDown();
                    release.await();
                    return null;
                  }));
    }
    try {
      busy.await();
      Thread caller = Thread.currentThread();
      Meanwhile<Thread> ranOn = Meanwhile.start(Thread::currentThread);
      // the pool is held until after get(): only the caller can have run it
      assertEquals(caller, ranOn.get());
    } finally {
      release.countDown();
    }
    for (Future<?> blocker : blockers) {
      blocker.get();
    }
  }

  @Test
  void aFailureOfTheWorkIsThrownToTheCallerAsItWas() {
    Meanwhile<Integer> failing =
        Meanwhile.start(
            () -> {
              throw new IllegalArgumentException("no such pod");
            });
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, failing::get);
    assertEquals("no such pod", thrown.getMessage());
  }

  @Test
  @Timeout(10)
  void workTakenUpByThePoolIsWaitedFor() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Meanwhile<Thread> ranOn =
        Meanwhile.start(
            () -> {
              started.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Thread.currentThread();
            });
    started.await(); // a core of the pool has taken it up: the caller must not run it again
    release.countDown();
    Thread worker = ranOn.get();
    org.junit.jupiter.api.Assertions.assertNotEquals(Thread.currentThread(), worker);
  }
}
