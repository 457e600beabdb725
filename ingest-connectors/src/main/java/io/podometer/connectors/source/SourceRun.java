package io.podometer.connectors.source;

import java.time.Clock;

/** What a sync works with: where it publishes, keeps payloads and cursors, and shows progress. */
public record SourceRun(
    String sourceId,
    EventSink sink,
    RawPayloads payloads,
    Checkpoints checkpoints,
    SourceProgress progress,
    Clock clock,
    Pauses pauses) {

  public Retrying retrying() {
    return new Retrying(clock, pauses, progress);
  }
}
