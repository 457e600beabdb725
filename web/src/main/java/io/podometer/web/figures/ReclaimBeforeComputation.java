package io.podometer.web.figures;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.jboss.logging.Logger;

/**
 * What earlier work let go (a load's parsed batches, an earlier computation's runs) sits in the old
 * generation until the collector marks it: a full computation that meets it spends its time in
 * collections that copy more and more. Asking for a concurrent cycle as a full computation starts
 * lets the collector reclaim it while the first run computes. Only where the JVM runs an explicit
 * collection concurrently ({@code -XX:+ExplicitGCInvokesConcurrent}, as {@code ./podometer} starts
 * the server): anywhere else it would be a full collection that stops every reader, so nothing is
 * asked.
 */
final class ReclaimBeforeComputation {

  private static final Logger LOG = Logger.getLogger(ReclaimBeforeComputation.class);
  private static final String OPTION = "ExplicitGCInvokesConcurrent";

  private final boolean concurrent;

  ReclaimBeforeComputation() {
    this(explicitCollectionIsConcurrent());
  }

  ReclaimBeforeComputation(boolean concurrent) {
    this.concurrent = concurrent;
  }

  /** Whether a cycle is asked for as a full computation starts. */
  boolean enabled() {
    return concurrent;
  }

  /** As a full computation starts: a concurrent cycle, where that is what an explicit one is. */
  void beforeFullComputation() {
    if (concurrent) {
      System.gc();
    }
  }

  private static boolean explicitCollectionIsConcurrent() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return vm != null && Boolean.parseBoolean(vm.getVMOption(OPTION).getValue());
    } catch (RuntimeException e) {
      // another JVM, or the option unknown: never ask for a collection that could stop readers
      LOG.debugf("JVM option %s not readable: %s", OPTION, e.toString());
      return false;
    }
  }
}
