package io.podometer.engine.live;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;

/**
 * What a recomputation changed: the figures new or different ({@code upserted}), the cells that no
 * longer have a figure ({@code removed}), the weeks recomputed and how long it took.
 */
public record FigureChanges(
    List<Figure> upserted, List<FigureKey> removed, SortedSet<IsoWeek> weeks, long nanos) {

  /** Nothing recomputed, nothing changed. */
  public static final FigureChanges NONE =
      new FigureChanges(List.of(), List.of(), java.util.Collections.emptySortedSet(), 0);

  /**
   * What differs from {@code before} to {@code after}: figures new or changed, cells gone; {@code
   * weeks} and {@code startNanos} say what was recomputed and since when.
   */
  public static FigureChanges between(
      Map<FigureKey, Figure> before,
      Map<FigureKey, Figure> after,
      SortedSet<IsoWeek> weeks,
      long startNanos) {
    List<Figure> upserted = new ArrayList<>();
    after.forEach(
        (key, figure) -> {
          if (!Objects.equals(before.get(key), figure)) {
            upserted.add(figure);
          }
        });
    List<FigureKey> removed = new ArrayList<>();
    for (FigureKey key : before.keySet()) {
      if (!after.containsKey(key)) {
        removed.add(key);
      }
    }
    return new FigureChanges(
        upserted,
        removed,
        Collections.unmodifiableSortedSet(weeks),
        System.nanoTime() - startNanos);
  }

  /**
   * What differs between two states of every week's figures; a week held by the same instance in
   * both is unchanged and not compared.
   */
  static FigureChanges betweenWeeks(
      Map<IsoWeek, WeekFigures> before,
      Map<IsoWeek, WeekFigures> after,
      SortedSet<IsoWeek> weeks,
      long startNanos) {
    List<Figure> upserted = new ArrayList<>();
    List<FigureKey> removed = new ArrayList<>();
    java.util.Set<IsoWeek> all = new java.util.HashSet<>(before.keySet());
    all.addAll(after.keySet());
    for (IsoWeek week : all) {
      WeekFigures old = before.getOrDefault(week, WeekFigures.EMPTY);
      WeekFigures now = after.getOrDefault(week, WeekFigures.EMPTY);
      if (old == now) {
        continue;
      }
      for (io.podometer.engine.figure.MetricId metric :
          io.podometer.engine.figure.MetricId.values()) {
        Map<io.podometer.engine.scope.ScopeId, Figure> was = old.of(metric);
        Map<io.podometer.engine.scope.ScopeId, Figure> is = now.of(metric);
        if (was == is) {
          continue;
        }
        is.forEach(
            (scope, figure) -> {
              Figure held = was.get(scope);
              if (figure != held && !figure.equals(held)) {
                upserted.add(figure);
              }
            });
        was.keySet()
            .forEach(
                scope -> {
                  if (!is.containsKey(scope)) {
                    removed.add(new FigureKey(metric, scope, week));
                  }
                });
      }
    }
    return new FigureChanges(
        upserted,
        removed,
        Collections.unmodifiableSortedSet(weeks),
        System.nanoTime() - startNanos);
  }

  public boolean isEmpty() {
    return upserted.isEmpty() && removed.isEmpty();
  }
}
