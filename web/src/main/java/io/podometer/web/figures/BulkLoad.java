package io.podometer.web.figures;

import java.time.Duration;

/**
 * Whether an update of the figures waits because a bulk load is coming in: many facts wait, the
 * update is expected to take a while, and batches keep coming. Batches count as coming while the
 * last one came within a window that grows with the update's expected time and with the gap between
 * the last two batches: a load slowed down (a cold start, a busy machine) sends its batches seconds
 * apart, and updating the whole range between two of them would only slow it down more — one core
 * recomputing everything again and again while the other ingests. A load's first batch waits that
 * window too: updating on it alone was a whole recomputation (and the storing of its figures)
 * beside the load's first seconds, when the server is slowest. The window is capped, so that once
 * the load stops (or a large batch comes alone) its figures are brought up to date within seconds.
 */
final class BulkLoad {

  /** Fewer facts than this waiting for an update are never taken for a bulk load. */
  static final int BULK_FACTS = 1_000;

  /** An update expected to take longer than this waits while a bulk load comes in. */
  static final long DEFERRED_NANOS = Duration.ofMillis(500).toNanos();

  /** The shortest window in which two batches count as a load still coming in. */
  static final long BUSY_NANOS = Duration.ofMillis(1500).toNanos();

  /** The longest such window, however long the update is expected to take. */
  static final long LONGEST_BUSY_NANOS = Duration.ofSeconds(5).toNanos();

  private BulkLoad() {}

  /**
   * @param waitingFacts facts absorbed since the figures were last brought up to date
   * @param expectedNanos how long the update is expected to take (0: not known yet)
   * @param nowNanos now
   * @param lastIngestNanos when the last batch came
   * @param previousIngestNanos when the batch before it came (0: none)
   * @param waitingSinceNanos since when the oldest absorbed fact has waited
   * @param maxLagNanos the longest the figures may lag behind the facts
   */
  static boolean goingOn(
      int waitingFacts,
      long expectedNanos,
      long nowNanos,
      long lastIngestNanos,
      long previousIngestNanos,
      long waitingSinceNanos,
      long maxLagNanos) {
    if (waitingFacts < BULK_FACTS || expectedNanos < DEFERRED_NANOS) {
      return false; // a few events one after another, or a quick update: each shows at once
    }
    long gap = previousIngestNanos == 0 ? 0 : lastIngestNanos - previousIngestNanos;
    long window = Math.min(Math.max(Math.max(BUSY_NANOS, expectedNanos), gap), LONGEST_BUSY_NANOS);
    return nowNanos - lastIngestNanos < window && nowNanos - waitingSinceNanos < maxLagNanos;
  }
}
