package io.podometer.engine.detect;

import io.podometer.engine.figure.Figure;
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
    OrgModel org,
    Function<io.podometer.engine.figure.FigureKey, Figure> figures,
    IsoWeek from,
    IsoWeek to) {

  /** A figure's value, or null when there is none or it is withheld. */
  public Double value(MetricId metric, ScopeId scope, IsoWeek week) {
    Figure figure = figures.apply(new io.podometer.engine.figure.FigureKey(metric, scope, week));
    return figure == null || figure.withheld() != null ? null : figure.value();
  }
}
