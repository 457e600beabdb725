package io.podometer.bench.ingest;

import java.util.Arrays;
import java.util.Locale;

/** Timings of one kind of request, in milliseconds: medians and tail percentiles. Thread-safe. */
final class Latencies {

  private double[] millis = new double[64];
  private int count;

  synchronized void add(long nanos) {
    if (count == millis.length) {
      millis = Arrays.copyOf(millis, count * 2);
    }
    millis[count++] = nanos / 1e6;
  }

  synchronized int count() {
    return count;
  }

  /** The p-th percentile (nearest rank, 0 < p ≤ 100). */
  synchronized double percentile(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(millis, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
  }

  synchronized double max() {
    return percentile(100);
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "p50 %s, p99 %s, max %s (%d requests)",
        ms(percentile(50)),
        ms(percentile(99)),
        ms(max()),
        count());
  }

  /** The slowest few, with their order of arrival (1 = first): which ones a tail is made of. */
  synchronized String slowest(int few) {
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(millis[b], millis[a]));
    StringBuilder slowest = new StringBuilder();
    for (int i = 0; i < Math.min(few, count); i++) {
      slowest.append(i == 0 ? "" : ", ").append('#').append(order[i] + 1).append(' ');
      slowest.append(ms(millis[order[i]]));
    }
    return slowest.toString();
  }

  static String ms(double millis) {
    return millis >= 1000
        ? String.format(Locale.ROOT, "%.2f s", millis / 1000)
        : String.format(Locale.ROOT, "%.0f ms", millis);
  }
}
