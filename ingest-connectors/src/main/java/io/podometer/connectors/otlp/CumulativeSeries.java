package io.podometer.connectors.otlp;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the points of cumulative counters into increases: each point's value less the last one seen
 * of the same series and start. A counter that went down without a new start was reset: its value
 * is the increase (never a negative one). A series first seen after it started before this receiver
 * began tracking — or before a series it had to forget — only sets its baseline: what it counted
 * before cannot be told apart from what was already counted, and an undercount is better than
 * counting twice. A point no later than the last one seen (an export sent again) adds nothing. The
 * last points are held in memory, the most recent series up to a bound: one receiver should see a
 * series' every export (or the agent can send deltas). An export's points are read in a {@link
 * Batch} whose last points are kept only once the export is stored, so that an export the store
 * failed to take counts in full when the exporter sends it again. Thread-safe.
 */
public final class CumulativeSeries {

  private record Last(long startNanos, long timeNanos, BigDecimal value) {}

  private final long trackingSinceNanos;
  private final Map<String, Last> last;
  private long forgottenStartNanos = Long.MIN_VALUE;

  public CumulativeSeries(long trackingSinceNanos, int capacity) {
    this.trackingSinceNanos = trackingSinceNanos;
    this.last =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Last> eldest) {
            if (size() > capacity) {
              forgottenStartNanos = Math.max(forgottenStartNanos, eldest.getValue().startNanos());
              return true;
            }
            return false;
          }
        };
  }

  /** A reader of one export's points. */
  public Batch batch() {
    return new Batch();
  }

  /** The points of one export: read against what was kept, kept on {@link #commit}. */
  public final class Batch {
    private final Map<String, Last> read = new HashMap<>();

    private Batch() {}

    /**
     * The increase this point brings, or null when it brings none (a baseline, or seen already).
     */
    public BigDecimal increase(String series, long startNanos, long timeNanos, BigDecimal value) {
      String key = series + "@" + startNanos;
      Last seen = read.get(key);
      boolean forgotten;
      synchronized (CumulativeSeries.this) {
        if (seen == null) {
          seen = last.get(key);
        }
        forgotten = startNanos <= forgottenStartNanos;
      }
      if (seen != null && timeNanos <= seen.timeNanos()) {
        return null;
      }
      read.put(key, new Last(startNanos, timeNanos, value));
      if (seen == null) {
        boolean wholeRunSeen = startNanos > 0 && startNanos >= trackingSinceNanos && !forgotten;
        return wholeRunSeen ? value : null;
      }
      return value.compareTo(seen.value()) < 0 ? value : value.subtract(seen.value());
    }

    /** Keeps this export's last points (once it is stored). */
    public void commit() {
      synchronized (CumulativeSeries.this) {
        read.forEach(
            (key, point) -> {
              Last held = last.get(key);
              if (held == null || held.timeNanos() < point.timeNanos()) {
                last.put(key, point);
              }
            });
      }
    }
  }
}
