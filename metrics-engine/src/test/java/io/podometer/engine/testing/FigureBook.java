package io.podometer.engine.testing;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.HashMap;
import java.util.Map;

/** Hand-made pooled figures of pods, for what reads figures (detectors, scale gates). */
public final class FigureBook {

  private final Map<FigureKey, Figure> figures = new HashMap<>();

  /** A figure of value {@code num / den}. */
  public FigureBook ratio(MetricId metric, String pod, IsoWeek week, double num, double den) {
    FigureKey key = new FigureKey(metric, ScopeId.pod(pod), week);
    figures.put(
        key,
        new Figure(
            metric,
            key.scope(),
            week,
            num / den,
            num,
            den,
            (int) den,
            5,
            null,
            null,
            null,
            null,
            null,
            false));
    return this;
  }

  public FigureBook put(MetricId metric, String pod, IsoWeek week, double value) {
    return ratio(metric, pod, week, value, 1);
  }

  /** The same value in every week from {@code first} to {@code last}. */
  public FigureBook weeks(MetricId metric, String pod, String first, String last, double value) {
    for (IsoWeek week = IsoWeek.parse(first);
        week.compareTo(IsoWeek.parse(last)) <= 0;
        week = week.plusWeeks(1)) {
      put(metric, pod, week, value);
    }
    return this;
  }

  /** The figure already put, counting {@code n} items. */
  public FigureBook withItems(MetricId metric, String pod, IsoWeek week, int n) {
    FigureKey key = new FigureKey(metric, ScopeId.pod(pod), week);
    Figure f = figures.get(key);
    figures.put(
        key,
        new Figure(
            metric,
            key.scope(),
            week,
            f.value(),
            f.num(),
            f.den(),
            n,
            f.people(),
            null,
            null,
            null,
            null,
            null,
            false));
    return this;
  }

  /** A figure withheld under the privacy floor. */
  public FigureBook withheld(MetricId metric, String pod, IsoWeek week) {
    FigureKey key = new FigureKey(metric, ScopeId.pod(pod), week);
    figures.put(
        key,
        new Figure(
            metric,
            key.scope(),
            week,
            null,
            null,
            null,
            0,
            0,
            null,
            null,
            null,
            null,
            "fewer than 5 people",
            false));
    return this;
  }

  public Figure get(FigureKey key) {
    return figures.get(key);
  }
}
