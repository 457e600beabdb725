package io.podometer.connectors.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceProgressTest {

  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void rateAndTimeLeftComeFromItemsDoneSinceTheStart() {
    SourceProgress progress = new SourceProgress();
    progress.started(START);
    progress.expect(1_000);
    progress.done(200);
    progress.done(50);
    SourceProgress.Snapshot at = progress.snapshot(START.plusSeconds(10));
    // 250 items in 10 s = 25/s; 750 left at 25/s = 30 s
    assertEquals(25.0, at.itemsPerSecond(), 1e-9);
    assertEquals(Duration.ofSeconds(30), at.eta());
    assertEquals(SourceProgress.State.RUNNING, at.state());
  }

  @Test
  void waitsStoppedStreamsAndTheEndAreShown() {
    SourceProgress progress = new SourceProgress();
    progress.started(START);
    progress.waiting(START.plusSeconds(60), "rate limit");
    assertEquals(SourceProgress.State.WAITING, progress.snapshot(START).state());
    assertEquals(START.plusSeconds(60), progress.snapshot(START).waitingUntil());
    progress.resumed();
    progress.stopped("acme/gone", "404: not found");
    progress.done(10);
    progress.finished(START.plusSeconds(5), false);
    SourceProgress.Snapshot end = progress.snapshot(START.plusSeconds(100));
    assertEquals(SourceProgress.State.DONE, end.state());
    assertEquals(Map.of("acme/gone", "404: not found"), end.stoppedStreams());
    assertEquals("acme/gone: 404: not found", end.lastError());
    // the rate is over the sync's own time, not until whenever it is read
    assertEquals(2.0, end.itemsPerSecond(), 1e-9);
    assertNull(end.eta());
    assertNull(end.waitingUntil());
  }
}
