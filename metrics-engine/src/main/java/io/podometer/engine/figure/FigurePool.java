package io.podometer.engine.figure;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Pools contributions as they are emitted, one accumulator per (metric, week, scope), and counts
 * the distinct people contributing to each (week, scope) whose privacy group is its contributors. A
 * contribution is dropped once added, so a large organization's millions of items are never held at
 * once. Not thread-safe: one pool per thread, merged afterwards.
 */
public final class FigurePool {

  private final Map<MetricId, Map<IsoWeek, Map<ScopeId, CellAccumulator>>> cells =
      new EnumMap<>(MetricId.class);
  private final Map<IsoWeek, Map<ScopeId, Set<String>>> contributors = new HashMap<>();

  public void add(Contribution c) {
    Map<ScopeId, CellAccumulator> weekCells =
        cells
            .computeIfAbsent(c.metric(), m -> new HashMap<>())
            .computeIfAbsent(c.week(), w -> new HashMap<>());
    Map<ScopeId, Set<String>> weekPeople =
        c.person() == null ? null : contributors.computeIfAbsent(c.week(), w -> new HashMap<>());
    for (ScopeId scope : c.scopes()) {
      weekCells.computeIfAbsent(scope, s -> new CellAccumulator()).add(c);
      if (weekPeople != null && countsContributors(scope.kind())) {
        weekPeople.computeIfAbsent(scope, s -> new HashSet<>()).add(c.person());
      }
    }
  }

  private static boolean countsContributors(ScopeKind kind) {
    return !kind.groupIsMembership() && kind != ScopeKind.MEMBER;
  }

  /** Adds another pool's cells and contributors to this one (the other pool is then spent). */
  public void merge(FigurePool other) {
    // families emit disjoint metrics: whole metrics move over, cells merge only when shared
    other.cells.forEach(
        (metric, weeks) -> {
          Map<IsoWeek, Map<ScopeId, CellAccumulator>> mine = cells.putIfAbsent(metric, weeks);
          if (mine != null) {
            weeks.forEach(
                (week, scopes) -> {
                  Map<ScopeId, CellAccumulator> myScopes = mine.putIfAbsent(week, scopes);
                  if (myScopes != null) {
                    scopes.forEach(
                        (scope, cell) -> myScopes.merge(scope, cell, CellAccumulator::merge));
                  }
                });
          }
        });
    other.contributors.forEach(
        (week, scopes) -> {
          Map<ScopeId, Set<String>> mine = contributors.putIfAbsent(week, scopes);
          if (mine != null) {
            scopes.forEach(
                (scope, people) ->
                    mine.merge(
                        scope,
                        people,
                        (a, b) -> {
                          a.addAll(b);
                          return a;
                        }));
          }
        });
  }

  /** The distinct people behind the items of a repository, service, bet or STO in a week. */
  public int contributors(IsoWeek week, ScopeId scope) {
    Map<ScopeId, Set<String>> weekPeople = contributors.get(week);
    Set<String> people = weekPeople == null ? null : weekPeople.get(scope);
    return people == null ? 0 : people.size();
  }

  /**
   * One figure per cell, each passed through {@code finish} (group size, privacy floor, tier);
   * (metric, week) groups are pooled in parallel. Weeks from {@code current} on are partial.
   */
  public Map<FigureKey, Figure> figures(IsoWeek current, UnaryOperator<Figure> finish) {
    List<Group> groups = new ArrayList<>();
    cells.forEach(
        (metric, weeks) -> {
          if (metric.aggregation() != Aggregation.DERIVED) {
            weeks.forEach((week, scopes) -> groups.add(new Group(metric, week, scopes)));
          }
        });
    List<List<Figure>> pooled =
        groups.parallelStream().map(group -> group.figures(current, finish)).toList();
    int size = pooled.stream().mapToInt(List::size).sum();
    Map<FigureKey, Figure> figures = new HashMap<>(size * 4 / 3 + 1);
    for (List<Figure> list : pooled) {
      for (Figure figure : list) {
        figures.put(new FigureKey(figure.metric(), figure.scope(), figure.week()), figure);
      }
    }
    return figures;
  }

  /**
   * One figure pooling the contributions given (all of one metric, e.g. every week of a range) as
   * if they were one cell; {@code week} labels it, {@code people} is the group behind it.
   */
  public static Figure pooled(
      MetricId metric, ScopeId scope, IsoWeek week, List<Contribution> items, int people) {
    CellAccumulator cell = new CellAccumulator();
    items.forEach(cell::add);
    CellAccumulator.Pooled p = cell.pool(metric.aggregation());
    return new Figure(
        metric,
        scope,
        week,
        p.value(),
        p.num(),
        p.den(),
        cell.items(),
        people,
        p.exact(),
        p.bySource(),
        null,
        null,
        false);
  }

  private record Group(MetricId metric, IsoWeek week, Map<ScopeId, CellAccumulator> scopes) {

    List<Figure> figures(IsoWeek current, UnaryOperator<Figure> finish) {
      boolean partial = week.compareTo(current) >= 0;
      List<Figure> figures = new ArrayList<>(scopes.size());
      scopes.forEach(
          (scope, cell) -> {
            CellAccumulator.Pooled p = cell.pool(metric.aggregation());
            figures.add(
                finish.apply(
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
                        partial)));
          });
      return figures;
    }
  }
}
