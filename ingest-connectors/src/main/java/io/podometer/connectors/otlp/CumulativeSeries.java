package io.podometer.connectors.otlp;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the points of cumulative counters into increases: each point's value less the last one seen
 * of the same series and start. A counter that went down without a new start was reset: its value
 * is the increase (never a negative one). A series first seen after it started before this receiver
 * began tracking only sets its baseline — what it counted before cannot be told apart from what was
 * already counted — while one that started since counts from zero. A point no later than the last
 * one seen (an export sent again) adds nothing. Held in memory, the newest series kept up to a
 * bound: one receiver should see a series' every export (or the agent can send deltas).
 * Thread-safe.
 */
public final class CumulativeSeries {

  private record Last(long timeNanos, BigDecimal value) {}

  private final long trackingSinceNanos;
  private final Map<String, Last> last;

  public CumulativeSeries(long trackingSinceNanos, int capacity) {
    this.trackingSinceNanos = trackingSinceNanos;
    this.last =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Last> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The increase this point brings, or null when it brings none (a baseline, or seen already). */
  public synchronized BigDecimal increase(
      String series, long startNanos, long timeNanos, BigDecimal value) {
    String key = series + "@" + startNanos;
    Last seen = last.get(key);
    if (seen != null && timeNanos <= seen.timeNanos()) {
      return null;
    }
    last.put(key, new Last(timeNanos, value));
    if (seen == null) {
      boolean wholeRunSeen = startNanos > 0 && startNanos >= trackingSinceNanos;
      return wholeRunSeen ? value : null;
    }
    return value.compareTo(seen.value()) < 0 ? value : value.subtract(seen.value());
  }
}
