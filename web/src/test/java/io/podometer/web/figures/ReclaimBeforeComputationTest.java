package io.podometer.web.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A collection is asked for only where the JVM runs an explicit one concurrently. */
class ReclaimBeforeComputationTest {

  @Test
  void followsTheJvmsOwnOption() {
    // the option as this JVM was started with it (the build's test JVM is started without)
    boolean started =
        ManagementFactory.getRuntimeMXBean()
            .getInputArguments()
            .contains("-XX:+ExplicitGCInvokesConcurrent");
    assertEquals(started, new ReclaimBeforeComputation().enabled());
  }

  @Test
  void asksForACollectionOnlyWhenEnabled() {
    // in this JVM an explicit collection is a full one, counted by the old generation's collector
    long before = oldGenerationCollections();
    new ReclaimBeforeComputation(false).beforeFullComputation();
    assertEquals(before, oldGenerationCollections());
    new ReclaimBeforeComputation(true).beforeFullComputation();
    assertTrue(oldGenerationCollections() > before);
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
