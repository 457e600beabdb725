package io.podometer.engine.figure;

import java.util.Arrays;
import java.util.Map;

/**
 * What a cell pooled, kept after its figure is made when the figure alone cannot be pooled again
 * over several weeks: the samples of a percentile, the keys of a distinct count, the counts behind
 * a top share or Gini, or the num and den of a withheld figure. Weekly summaries pool into a range
 * total ({@link CellAccumulator#add(CellSummary)}) exactly as the items would. Immutable.
 */
public final class CellSummary {

  final int items;
  final double num;
  final double den;
  final double exactNum;
  final double[] samples;
  final String[] numKeys;
  final int[] numCounts;
  final String[] denKeys;
  final Map<String, Double> numBySource;

  CellSummary(
      int items,
      double num,
      double den,
      double exactNum,
      double[] samples,
      String[] numKeys,
      int[] numCounts,
      String[] denKeys,
      Map<String, Double> numBySource) {
    this.items = items;
    this.num = num;
    this.den = den;
    this.exactNum = exactNum;
    this.samples = samples;
    this.numKeys = numKeys;
    this.numCounts = numCounts;
    this.denKeys = denKeys;
    this.numBySource = numBySource;
  }

  /** Whether a figure of this aggregation needs its summary to pool again over weeks. */
  public static boolean needed(Aggregation aggregation) {
    return switch (aggregation) {
      case RATIO, SUM, DERIVED -> false;
      default -> true;
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CellSummary s
        && s.items == items
        && s.num == num
        && s.den == den
        && s.exactNum == exactNum
        && Arrays.equals(s.samples, samples)
        && Arrays.equals(s.numKeys, numKeys)
        && Arrays.equals(s.numCounts, numCounts)
        && Arrays.equals(s.denKeys, denKeys)
        && java.util.Objects.equals(s.numBySource, numBySource);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(samples) * 31 + Arrays.hashCode(numKeys) + items;
  }
}
