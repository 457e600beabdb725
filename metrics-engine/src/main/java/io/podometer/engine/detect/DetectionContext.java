package io.podometer.engine.detect;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.function.Function;

/**
 * What detectors read: the organization model (its thresholds, per pod), the pooled figures by key,
 * and the weeks to judge ({@code from}..{@code to}); a detector may read weeks before {@code from}
 * for its baselines and consecutive weeks.
 */
public record DetectionContext(
    OrgModel org, Function<FigureKey, Figure> figures, IsoWeek from, IsoWeek to) {

  /**
   * A figure, or null when there is none or it is withheld (a detector never reads past the floor).
   */
  public Figure figure(MetricId metric, ScopeId scope, IsoWeek week) {
    Figure figure = figures.apply(new FigureKey(metric, scope, week));
    return figure == null || figure.withheld() != null || figure.value() == null ? null : figure;
  }

  /** A figure's value, or null when there is none or it is withheld. */
  public Double value(MetricId metric, ScopeId scope, IsoWeek week) {
    Figure figure = figure(metric, scope, week);
    return figure == null ? null : figure.value();
  }

  /**
   * The mean of a figure over {@code count} weeks ending {@code last}, or null when fewer than half
   * of those weeks have it (a baseline of one or two odd weeks says nothing).
   */
  public Double mean(MetricId metric, ScopeId scope, IsoWeek last, int count) {
    double sum = 0;
    int weeks = 0;
    for (int back = 0; back < count; back++) {
      Double value = value(metric, scope, last.plusWeeks(-back));
      if (value != null) {
        sum += value;
        weeks++;
      }
    }
    return weeks == 0 || weeks * 2 < count ? null : sum / weeks;
  }

  /** Every week judged, oldest first. */
  public java.util.List<IsoWeek> weeks() {
    java.util.List<IsoWeek> weeks = new java.util.ArrayList<>();
    for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
      weeks.add(week);
    }
    return weeks;
  }
}
