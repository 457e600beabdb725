package io.podometer.engine.figure;

/**
 * Boxed figure values: millions of figures hold counts (items, people, deployments, numerators and
 * denominators of ratios) that are small whole numbers; those share one instance each instead of
 * one object per figure.
 */
public final class Doubles {

  private static final int LOWEST = -1024;
  private static final int HIGHEST = 65_536;
  private static final Double[] SHARED = new Double[HIGHEST - LOWEST + 1];

  static {
    for (int i = LOWEST; i <= HIGHEST; i++) {
      SHARED[i - LOWEST] = (double) i;
    }
  }

  private Doubles() {}

  /** The value boxed: a shared instance for small whole numbers (and -0.0 stays its own). */
  public static Double box(double value) {
    if (value >= LOWEST && value <= HIGHEST && value == Math.rint(value)) {
      if (value == 0.0 && Double.doubleToRawLongBits(value) != 0L) {
        return value;
      }
      return SHARED[(int) value - LOWEST];
    }
    return value;
  }

  /** {@link #box} of a boxed value; null stays null. */
  public static Double box(Double value) {
    return value == null ? null : box(value.doubleValue());
  }
}
