package io.podometer.bench;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deployment frequency, lead time median and change failure rate per {@code service:<id>} and for
 * {@code org}, per ISO week, from one side of the comparison; and the cells that side withheld
 * under the privacy floor.
 */
final class DoraCells {

  static final List<MetricId> METRICS =
      List.of(
          MetricId.DEPLOYMENT_FREQUENCY,
          MetricId.LEAD_TIME_P50_HOURS,
          MetricId.CHANGE_FAILURE_RATE);

  /** One figure's place. */
  record Cell(MetricId metric, ScopeId scope, IsoWeek week) {
    @Override
    public String toString() {
      return metric + " " + scope + " " + week;
    }
  }

  private final Map<Cell, Double> values = new HashMap<>();
  private final Set<Cell> withheld = new HashSet<>();

  /** The engine's figures of the three metrics for services and the organization. */
  static DoraCells ofEngine(EngineResult result) {
    DoraCells cells = new DoraCells();
    for (Figure f : result.figures()) {
      ScopeKind kind = f.scope().kind();
      if (!METRICS.contains(f.metric()) || kind != ScopeKind.SERVICE && kind != ScopeKind.ORG) {
        continue;
      }
      Cell cell = new Cell(f.metric(), f.scope(), f.week());
      if (f.withheld() != null) {
        cells.withheld.add(cell);
      } else {
        cells.values.put(cell, f.value());
      }
    }
    return cells;
  }

  void put(MetricId metric, ScopeId scope, IsoWeek week, double value) {
    values.put(new Cell(metric, scope, week), value);
  }

  int size() {
    return values.size();
  }

  Map<Cell, Double> values() {
    return values;
  }

  Set<Cell> withheld() {
    return withheld;
  }
}
