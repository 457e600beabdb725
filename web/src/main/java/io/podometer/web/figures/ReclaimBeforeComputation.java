package io.podometer.web.figures;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * What earlier work let go (a load's parsed batches, an earlier computation's runs) sits in the old
 * generation until the collector marks it: a full computation that meets it spends its time in
 * collections that copy more and more. Asking for a concurrent cycle as a full computation starts
 * lets the collector reclaim it while the first run computes. Only where the JVM runs an explicit
 * collection concurrently ({@code -XX:+ExplicitGCInvokesConcurrent}, as {@code ./podometer} starts
 * the server): anywhere else it would be a full collection that stops every reader, so nothing is
 * asked.
 *
 * <p>The cycle is asked for from a thread of its own: {@code System.gc()} returns only once the
 * concurrent cycle is over (seconds at a large organization's size, one collector thread marking on
 * 2 cores), and the computation that asked would otherwise wait for it with a core idle.
 */
final class ReclaimBeforeComputation {

  private static final Logger LOG = Logger.getLogger(ReclaimBeforeComputation.class);
  private static final String OPTION = "ExplicitGCInvokesConcurrent";

  private final boolean concurrent;
  // a cycle asked for and not over yet: asking again meanwhile would only queue another behind it
  private final AtomicBoolean underWay = new AtomicBoolean();

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

  /**
   * As a full computation starts: a concurrent cycle, where that is what an explicit one is, asked
   * for on another thread (this one goes on at once). Returns that thread, or null when nothing was
   * asked (not enabled, or a cycle already under way).
   */
  Thread beforeFullComputation() {
    if (!concurrent || !underWay.compareAndSet(false, true)) {
      return null;
    }
    Thread asking =
        new Thread(
            () -> {
              try {
                System.gc();
              } finally {
                underWay.set(false);
              }
            },
            "podometer-reclaim");
    asking.setDaemon(true);
    asking.start();
    return asking;
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
