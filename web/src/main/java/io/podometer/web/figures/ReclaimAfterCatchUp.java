package io.podometer.web.figures;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The figures a bulk load's catch-up replaced (all of them, about a gigabyte at a large
 * organization's size) sit in the old generation until the collector marks them, and the next full
 * recomputation would meet them: the marking cycle they call for then runs beside it, on one of the
 * cores it computes on. Asking for a concurrent cycle as the catch-up's figures are installed
 * reclaims them while the server stores those figures and waits for its users. Only where the JVM
 * runs an explicit collection concurrently ({@code -XX:+ExplicitGCInvokesConcurrent}, as {@code
 * ./podometer} starts the server): anywhere else it would be a full collection that stops every
 * reader, so nothing is asked.
 *
 * <p>The cycle is asked for from a thread of its own: {@code System.gc()} returns only once the
 * concurrent cycle is over (seconds at that size), and the figure worker must not wait for it.
 */
final class ReclaimAfterCatchUp {

  private static final Logger LOG = Logger.getLogger(ReclaimAfterCatchUp.class);
  private static final String OPTION = "ExplicitGCInvokesConcurrent";

  private final boolean concurrent;
  // a cycle asked for and not over yet: asking again meanwhile would only queue another behind it
  private final AtomicBoolean underWay = new AtomicBoolean();

  ReclaimAfterCatchUp() {
    this(explicitCollectionIsConcurrent());
  }

  ReclaimAfterCatchUp(boolean concurrent) {
    this.concurrent = concurrent;
  }

  /** Whether a cycle is asked for after a catch-up. */
  boolean enabled() {
    return concurrent;
  }

  /**
   * Once a catch-up's figures are installed: a concurrent cycle, where that is what an explicit one
   * is, asked for on another thread (this one goes on at once). Returns that thread, or null when
   * nothing was asked (not enabled, or a cycle already under way).
   */
  Thread afterCatchUp() {
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
