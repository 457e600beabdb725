package io.podometer.web.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A collection is asked for only where the JVM runs an explicit one concurrently. */
class ReclaimAfterCatchUpTest {

  @Test
  void followsTheJvmsOwnOption() {
    // the option as this JVM was started with it (the build's test JVM is started without)
    boolean started =
        ManagementFactory.getRuntimeMXBean()
            .getInputArguments()
            .contains("-XX:+ExplicitGCInvokesConcurrent");
    assertEquals(started, new ReclaimAfterCatchUp().enabled());
  }

  @Test
  void asksForACollectionOnlyWhenEnabled() throws InterruptedException {
    // in this JVM an explicit collection is a full one, counted by the old generation's collector
    long before = oldGenerationCollections();
    assertNull(new ReclaimAfterCatchUp(false).afterCatchUp());
    assertEquals(before, oldGenerationCollections());
    Thread asking = new ReclaimAfterCatchUp(true).afterCatchUp();
    // asked on a thread of its own: System.gc() returns only once the cycle is over, and the
    // computation that asked must not wait for it
    assertNotNull(asking);
    assertNotSame(Thread.currentThread(), asking);
    asking.join(60_000);
    assertTrue(oldGenerationCollections() > before);
  }

  @Test
  void asksAgainOnceTheCycleAskedForIsOver() throws InterruptedException {
    ReclaimAfterCatchUp reclaim = new ReclaimAfterCatchUp(true);
    reclaim.afterCatchUp().join(60_000);
    Thread again = reclaim.afterCatchUp();
    assertNotNull(again);
    again.join(60_000);
  }

  private static long oldGenerationCollections() {
    long count = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      // G1 Old Generation, PS MarkSweep, MarkSweepCompact
      if (gc.getName().contains("Old") || gc.getName().contains("MarkSweep")) {
        count += gc.getCollectionCount();
      }
    }
    return count;
  }
}
