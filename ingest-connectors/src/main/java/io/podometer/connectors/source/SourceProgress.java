package io.podometer.connectors.source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a source's sync is, for people watching it: items done (of how many, when known), the
 * rate and the time left, a rate-limit wait, the last error and the streams stopped by a fatal one.
 * Written by the connector's thread, read by any; every method is thread-safe.
 */
public final class SourceProgress {

  /** Where a sync is. */
  public enum State {
    IDLE,
    RUNNING,
    WAITING,
    DONE,
    FAILED
  }

  /** What a reader sees at one moment. */
  public record Snapshot(
      State state,
      long itemsDone,
      Long itemsTotal,
      double itemsPerSecond,
      Duration eta,
      Instant startedAt,
      Instant finishedAt,
      Instant waitingUntil,
      String waitingFor,
      String lastError,
      Map<String, String> stoppedStreams,
      List<String> warnings,
      long warningsTotal) {}

  /** Warnings kept for readers; later ones are only counted. */
  static final int WARNINGS_KEPT = 50;

  private State state = State.IDLE;
  private long itemsDone;
  private Long itemsTotal;
  private Instant startedAt;
  private Instant finishedAt;
  private Instant waitingUntil;
  private String waitingFor;
  private String lastError;
  private final Map<String, String> stoppedStreams = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private long warningsTotal;
  private volatile boolean cancelled;

  /** Asks the sync to stop at its next request (the source was deleted). */
  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }

  public synchronized void started(Instant now) {
    state = State.RUNNING;
    itemsDone = 0;
    itemsTotal = null;
    startedAt = now;
    finishedAt = null;
    waitingUntil = null;
    waitingFor = null;
    lastError = null;
    stoppedStreams.clear();
    warnings.clear();
    warningsTotal = 0;
  }

  /** The number of items the sync expects to handle, once it knows. */
  public synchronized void expect(long total) {
    itemsTotal = total;
  }

  public synchronized void done(long items) {
    itemsDone += items;
  }

  public synchronized void waiting(Instant until, String forWhat) {
    state = State.WAITING;
    waitingUntil = until;
    waitingFor = forWhat;
  }

  public synchronized void resumed() {
    if (state == State.WAITING) {
      state = State.RUNNING;
    }
    waitingUntil = null;
    waitingFor = null;
  }

  public synchronized void error(String message) {
    lastError = message;
  }

  /** Something imported with less than the source had (content missing, a commit skipped). */
  public synchronized void warn(String message) {
    warningsTotal++;
    if (warnings.size() < WARNINGS_KEPT) {
      warnings.add(message);
    }
  }

  /** A fatal error stopped this stream; the others go on. */
  public synchronized void stopped(String stream, String why) {
    stoppedStreams.put(stream, why);
    lastError = stream + ": " + why;
  }

  public synchronized void finished(Instant now, boolean failed) {
    state = failed ? State.FAILED : State.DONE;
    finishedAt = now;
    waitingUntil = null;
    waitingFor = null;
  }

  public synchronized Snapshot snapshot(Instant now) {
    Instant end = finishedAt != null ? finishedAt : now;
    double seconds =
        startedAt == null
            ? 0
            : Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
    double rate = seconds == 0 ? 0 : itemsDone / seconds;
    Duration eta = null;
    if (state == State.RUNNING || state == State.WAITING) {
      if (itemsTotal != null && rate > 0) {
        eta = Duration.ofSeconds((long) Math.ceil(Math.max(0, itemsTotal - itemsDone) / rate));
      }
    }
    return new Snapshot(
        state,
        itemsDone,
        itemsTotal,
        rate,
        eta,
        startedAt,
        finishedAt,
        waitingUntil,
        waitingFor,
        lastError,
        Map.copyOf(stoppedStreams),
        List.copyOf(warnings),
        warningsTotal);
  }
}
