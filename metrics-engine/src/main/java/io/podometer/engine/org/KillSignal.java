package io.podometer.engine.org;

import java.util.Objects;

/**
 * What would make a bet's owner kill it: the named series ({@code bet.signal} series or a metric
 * id, per {@code source}) compared with {@code threshold} over the last {@code windowWeeks} weeks.
 */
public record KillSignal(
    KillSignal.Source source,
    String name,
    Comparison comparator,
    double threshold,
    int windowWeeks) {

  public static final int DEFAULT_WINDOW_WEEKS = 4;

  /** Whether {@link #name()} is a {@code bet.signal} series or one of the engine's metrics. */
  public enum Source {
    SIGNAL,
    METRIC
  }

  public KillSignal {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comparator, "comparator");
    if (windowWeeks < 1) {
      throw new IllegalArgumentException("windowWeeks must be at least 1: " + windowWeeks);
    }
  }

  public boolean firesOn(double value) {
    return comparator.holds(value, threshold);
  }
}
