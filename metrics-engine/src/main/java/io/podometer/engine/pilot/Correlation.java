package io.podometer.engine.pilot;

import java.util.List;

/**
 * Pearson's correlation between two figures across pods, with its 95 % interval by Fisher's z
 * transformation — to state plainly how little a handful of pods can tell. {@code low} and {@code
 * high} are null under 4 pods (the interval needs n − 3 > 0); {@code r} is null under 3 pods or
 * when either figure does not vary.
 */
public record Correlation(int n, Double r, Double low, Double high) {

  /** A pod's pair of figures. */
  public record Point(double x, double y) {}

  private static final double Z_95 = 1.959964;

  public static Correlation of(List<Point> points) {
    int n = points.size();
    if (n < 3) {
      return new Correlation(n, null, null, null);
    }
    double meanX = points.stream().mapToDouble(Point::x).average().orElseThrow();
    double meanY = points.stream().mapToDouble(Point::y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (Point p : points) {
      sxy += (p.x() - meanX) * (p.y() - meanY);
      sxx += (p.x() - meanX) * (p.x() - meanX);
      syy += (p.y() - meanY) * (p.y() - meanY);
    }
    if (sxx == 0 || syy == 0) {
      return new Correlation(n, null, null, null);
    }
    double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    if (n < 4 || Math.abs(r) == 1) {
      return new Correlation(n, r, null, null);
    }
    double z = 0.5 * Math.log((1 + r) / (1 - r));
    double se = 1 / Math.sqrt(n - 3);
    return new Correlation(n, r, Math.tanh(z - Z_95 * se), Math.tanh(z + Z_95 * se));
  }

  /** Whether the interval leaves out zero: the sign at least is told by the data. */
  public boolean signKnown() {
    return low != null && (low > 0 || high < 0);
  }
}
