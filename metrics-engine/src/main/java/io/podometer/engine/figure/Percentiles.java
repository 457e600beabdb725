package io.podometer.engine.figure;

import java.util.Arrays;

/** Percentiles interpolated linearly between closest ranks, as PostgreSQL percentile_cont. */
public final class Percentiles {

  private Percentiles() {}

  /**
   * @param fraction 0..1, e.g. 0.5 for the median
   * @return null for no values
   */
  public static Double cont(double[] values, int count, double fraction) {
    if (count == 0) {
      return null;
    }
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    double rank = fraction * (count - 1);
    int lower = (int) Math.floor(rank);
    int upper = (int) Math.ceil(rank);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
  }
}
