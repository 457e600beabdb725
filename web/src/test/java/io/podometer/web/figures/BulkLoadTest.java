package io.podometer.web.figures;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When an update of the figures waits for a bulk load to finish coming in. */
class BulkLoadTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long NOW = 1_000 * SECOND;
  private static final long MAX_LAG = 180 * SECOND;

  @Test
  void aFewEventsOrAQuickUpdateShowAtOnce() {
    // 999 facts: under the 1,000 that make a bulk load, however busy ingestion is
    assertFalse(BulkLoad.goingOn(999, 30 * SECOND, NOW, NOW - SECOND / 10, NOW - SECOND, MAX_LAG));
    // an update expected to take 0.4 s (< 0.5 s) runs between batches
    assertFalse(
        BulkLoad.goingOn(50_000, 4 * SECOND / 10, NOW, NOW - SECOND / 10, NOW - SECOND, MAX_LAG));
    // not measured yet (0): the first update runs, and measures
    assertFalse(BulkLoad.goingOn(50_000, 0, NOW, NOW - SECOND / 10, NOW - SECOND, MAX_LAG));
  }

  @Test
  void aFastLoadDefersTheUpdate() {
    // batches 1 s apart (< 1.5 s), an update of 2 s: it waits
    assertTrue(BulkLoad.goingOn(50_000, 2 * SECOND, NOW, NOW - SECOND, NOW - 10 * SECOND, MAX_LAG));
  }

  @Test
  void aSlowedLoadStillDefersAnUpdateThatWouldTakeLonger() {
    // batches 3 s apart while a whole-range update takes 7 s: the window is min(max(1.5, 7), 5) =
    // 5 s, so 3 s apart is still a load coming in (the window of 1.5 s alone would not have seen
    // it)
    assertTrue(
        BulkLoad.goingOn(50_000, 7 * SECOND, NOW, NOW - 3 * SECOND, NOW - 10 * SECOND, MAX_LAG));
    // an update of 2 s: window max(1.5, 2) = 2 s; batches 3 s apart are not a load any more
    assertFalse(
        BulkLoad.goingOn(50_000, 2 * SECOND, NOW, NOW - 3 * SECOND, NOW - 10 * SECOND, MAX_LAG));
  }

  @Test
  void theFiguresCatchUpSecondsAfterTheLoadStops() {
    // an update of 30 s: the window is capped at 5 s; 6 s without a batch and the update runs
    assertTrue(
        BulkLoad.goingOn(50_000, 30 * SECOND, NOW, NOW - 4 * SECOND, NOW - 60 * SECOND, MAX_LAG));
    assertFalse(
        BulkLoad.goingOn(50_000, 30 * SECOND, NOW, NOW - 6 * SECOND, NOW - 60 * SECOND, MAX_LAG));
  }

  @Test
  void noLoadHoldsTheFiguresBackLongerThanTheLongestLag() {
    // batches every second, but the oldest fact has waited 181 s of the 180 allowed
    assertFalse(
        BulkLoad.goingOn(50_000, 7 * SECOND, NOW, NOW - SECOND, NOW - 181 * SECOND, MAX_LAG));
  }
}
