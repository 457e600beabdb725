package io.podometer.engine.figure;

import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pools contributions into figures, one per (metric, scope, week) that has any. */
public final class Figures {

  private Figures() {}

  public static Map<FigureKey, Figure> pool(
      Collection<List<Contribution>> contributions, EngineContext context) {
    Map<FigureKey, CellAccumulator> cells = new HashMap<>();
    for (List<Contribution> list : contributions) {
      for (Contribution c : list) {
        if (c.metric().aggregation() == Aggregation.DERIVED) {
          continue;
        }
        for (ScopeId scope : c.scopes()) {
          cells
              .computeIfAbsent(
                  new FigureKey(c.metric(), scope, c.week()), k -> new CellAccumulator())
              .add(c);
        }
      }
    }
    IsoWeek current = context.weekOf(context.now());
    Map<FigureKey, Figure> figures = new HashMap<>(cells.size() * 2);
    cells.forEach(
        (key, cell) -> {
          CellAccumulator.Pooled pooled = cell.pool(key.metric().aggregation());
          figures.put(
              key,
              new Figure(
                  key.metric(),
                  key.scope(),
                  key.week(),
                  pooled.value(),
                  pooled.num(),
                  pooled.den(),
                  cell.items(),
                  0,
                  pooled.exact(),
                  pooled.bySource(),
                  null,
                  null,
                  key.week().compareTo(current) >= 0));
        });
    return figures;
  }
}
