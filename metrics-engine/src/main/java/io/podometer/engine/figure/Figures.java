package io.podometer.engine.figure;

import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pools contributions into figures, one per (metric, scope, week) that has any. */
public final class Figures {

  private Figures() {}

  /**
   * @param groups contributions grouped so that each list shares one metric and one week; groups
   *     are pooled in parallel
   */
  public static Map<FigureKey, Figure> pool(
      Collection<List<Contribution>> groups, EngineContext context) {
    IsoWeek current = context.weekOf(context.now());
    List<List<Figure>> pooled =
        groups.parallelStream().map(group -> poolGroup(group, current)).toList();
    Map<FigureKey, Figure> figures = new HashMap<>();
    for (List<Figure> list : pooled) {
      for (Figure figure : list) {
        figures.put(new FigureKey(figure.metric(), figure.scope(), figure.week()), figure);
      }
    }
    return figures;
  }

  private static List<Figure> poolGroup(List<Contribution> group, IsoWeek current) {
    if (group.isEmpty() || group.get(0).metric().aggregation() == Aggregation.DERIVED) {
      return List.of();
    }
    MetricId metric = group.get(0).metric();
    IsoWeek week = group.get(0).week();
    Map<ScopeId, CellAccumulator> cells = new HashMap<>();
    for (Contribution c : group) {
      for (ScopeId scope : c.scopes()) {
        cells.computeIfAbsent(scope, s -> new CellAccumulator()).add(c);
      }
    }
    boolean partial = week.compareTo(current) >= 0;
    List<Figure> figures = new ArrayList<>(cells.size());
    cells.forEach(
        (scope, cell) -> {
          CellAccumulator.Pooled p = cell.pool(metric.aggregation());
          figures.add(
              new Figure(
                  metric,
                  scope,
                  week,
                  p.value(),
                  p.num(),
                  p.den(),
                  cell.items(),
                  0,
                  p.exact(),
                  p.bySource(),
                  null,
                  null,
                  partial));
        });
    return figures;
  }
}
