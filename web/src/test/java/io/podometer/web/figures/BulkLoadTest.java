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
    assertFalse(
        BulkLoad.goingOn(999, 30 * SECOND, NOW, NOW - SECOND / 10, 0, NOW - SECOND, MAX_LAG));
    // an update expected to take 0.4 s (< 0.5 s) runs between batches
    assertFalse(
        BulkLoad.goingOn(
            50_000, 4 * SECOND / 10, NOW, NOW - SECOND / 10, 0, NOW - SECOND, MAX_LAG));
    // not measured yet (0): the first update runs, and measures
    assertFalse(BulkLoad.goingOn(50_000, 0, NOW, NOW - SECOND / 10, 0, NOW - SECOND, MAX_LAG));
  }

  @Test
  void aFastLoadDefersTheUpdate() {
    // the last batch 1 s ago (< 1.5 s), an update of 2 s: it waits
    assertTrue(
        BulkLoad.goingOn(50_000, 2 * SECOND, NOW, NOW - SECOND, 0, NOW - 10 * SECOND, MAX_LAG));
  }

  @Test
  void aLoadsFirstBatchWaitsTheWindowForTheNext() {
    // 5,000 facts of one batch that came 0.2 s ago, nothing before it, an update of 2 s: the
    // update waits for the window (max(1.5, 2) = 2 s) in case more batches follow
    assertTrue(
        BulkLoad.goingOn(5_000, 2 * SECOND, NOW, NOW - SECOND / 5, 0, NOW - SECOND / 5, MAX_LAG));
    // 2.1 s later and no other batch: it came alone, the update runs
    assertFalse(
        BulkLoad.goingOn(
            5_000, 2 * SECOND, NOW + 2 * SECOND, NOW - SECOND / 5, 0, NOW - SECOND / 5, MAX_LAG));
  }

  @Test
  void aColdLoadsBatchesSecondsApartStillCountAsALoad() {
    // an update expected to take 1 s (window max(1.5, 1) = 1.5 s), but the last two batches came
    // 3 s apart (a cold server ingests its first batches slowly): 2.5 s after the last one the load
    // is still coming in (window max(1.5, 1, 3) = 3 s) ...
    long last = NOW - 5 * SECOND / 2;
    long previous = NOW - 11 * SECOND / 2;
    assertTrue(BulkLoad.goingOn(5_000, SECOND, NOW, last, previous, NOW - 6 * SECOND, MAX_LAG));
    // ... 3.5 s after it, it stopped
    assertFalse(
        BulkLoad.goingOn(5_000, SECOND, NOW + SECOND, last, previous, NOW - 6 * SECOND, MAX_LAG));
    // however far apart, the window stays at most 5 s
    assertFalse(
        BulkLoad.goingOn(
            5_000, SECOND, NOW, NOW - 6 * SECOND, NOW - 600 * SECOND, NOW - 6 * SECOND, MAX_LAG));
  }

  @Test
  void aSlowedLoadStillDefersAnUpdateThatWouldTakeLonger() {
    // the last batch 3 s ago while a whole-range update takes 7 s: the window is min(max(1.5, 7),
    // 5) = 5 s, so batches 3 s apart are still a load coming in (the window of 1.5 s alone would
    // not have seen it)
    assertTrue(
        BulkLoad.goingOn(50_000, 7 * SECOND, NOW, NOW - 3 * SECOND, 0, NOW - 10 * SECOND, MAX_LAG));
    // an update of 2 s: window max(1.5, 2) = 2 s; 3 s without a batch is not a load any more
    assertFalse(
        BulkLoad.goingOn(50_000, 2 * SECOND, NOW, NOW - 3 * SECOND, 0, NOW - 10 * SECOND, MAX_LAG));
  }

  @Test
  void theFiguresCatchUpSecondsAfterTheLoadStops() {
    // an update of 30 s: the window is capped at 5 s; 6 s without a batch and the update runs
    assertTrue(
        BulkLoad.goingOn(
            50_000, 30 * SECOND, NOW, NOW - 4 * SECOND, 0, NOW - 60 * SECOND, MAX_LAG));
    assertFalse(
        BulkLoad.goingOn(
            50_000, 30 * SECOND, NOW, NOW - 6 * SECOND, 0, NOW - 60 * SECOND, MAX_LAG));
  }

  @Test
  void noLoadHoldsTheFiguresBackLongerThanTheLongestLag() {
    // batches every second, but the oldest fact has waited 181 s of the 180 allowed
    assertFalse(
        BulkLoad.goingOn(50_000, 7 * SECOND, NOW, NOW - SECOND, 0, NOW - 181 * SECOND, MAX_LAG));
  }
}
