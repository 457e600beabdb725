package io.podometer.engine.figure;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
  private final boolean withoutMembers;
  private final Map<IsoWeek, Map<MetricId, Map<ScopeId, CellSummary>>> summaries = new HashMap<>();
  // per people-derived metric and week, the distinct scope lists of its items: what disclosure
  // control works out sums from (the lists are shared by many items, so few are kept)
  private final Map<MetricId, Map<IsoWeek, Set<List<ScopeId>>>> shapes =
      new EnumMap<>(MetricId.class);
  private final Map<IsoWeek, Map<MetricId, Collection<Figure>>> peopleDerived = new HashMap<>();
  // each scope list without its member scope, once per distinct list
  private final Map<List<ScopeId>, List<ScopeId>> memberless = new HashMap<>();
  private List<ScopeId> lastScopes;
  private List<ScopeId> lastShape;
  private MetricId lastMetric;
  private IsoWeek lastWeek;
  private Map<ScopeId, CellAccumulator> lastCells;

  /** A pool of every scope's cells. */
  public FigurePool() {
    this(false);
  }

  /**
   * A pool that leaves members' own cells out when {@code withoutMembers} (they are computed for
   * the member who asks, from their facts: held for every member they would be most of the cells).
   */
  public FigurePool(boolean withoutMembers) {
    this.withoutMembers = withoutMembers;
  }

  public void add(Contribution c) {
    Map<ScopeId, CellAccumulator> weekCells = weekCells(c.metric(), c.week());
    Map<ScopeId, Set<String>> weekPeople =
        c.person() == null
            ? null
            : contributors.computeIfAbsent(c.week(), w -> new Object2ObjectOpenHashMap<>());
    if (c.metric().peopleDerived()) {
      List<ScopeId> shape;
      if (c.scopes() == lastScopes) {
        shape = lastShape; // an item's metrics share its scope list
      } else {
        shape = memberless.computeIfAbsent(c.scopes(), FigurePool::withoutMember);
        lastScopes = c.scopes();
        lastShape = shape;
      }
      // by identity: equal lists are one instance here (memberless), and hashing a list's scopes
      // for every contribution was a tenth of pooling
      shapes
          .computeIfAbsent(c.metric(), m -> new HashMap<>())
          .computeIfAbsent(c.week(), w -> Collections.newSetFromMap(new IdentityHashMap<>()))
          .add(shape);
    }
    List<ScopeId> scopes = c.scopes();
    // by index: an iterator per contribution is most of what pooling allocates
    for (int i = 0, n = scopes.size(); i < n; i++) {
      ScopeId scope = scopes.get(i);
      if (withoutMembers && scope.kind() == ScopeKind.MEMBER) {
        continue;
      }
      CellAccumulator cell = weekCells.get(scope);
      if (cell == null) {
        cell = new CellAccumulator();
        weekCells.put(scope, cell);
      }
      cell.add(c);
      if (weekPeople != null && countsContributors(scope.kind())) {
        Set<String> people = weekPeople.get(scope);
        if (people == null) {
          people = new ObjectOpenHashSet<>(4);
          weekPeople.put(scope, people);
        }
        people.add(c.person());
      }
    }
  }

  /** The cells of a metric's week, the last asked kept at hand: items come metric by metric. */
  private Map<ScopeId, CellAccumulator> weekCells(MetricId metric, IsoWeek week) {
    if (metric == lastMetric && week.equals(lastWeek)) {
      return lastCells;
    }
    // open addressing: a year's cells are pooled at once, and a map entry per cell would add a
    // third to what they hold
    Map<ScopeId, CellAccumulator> weekCells =
        cells
            .computeIfAbsent(metric, m -> new HashMap<>())
            .computeIfAbsent(week, w -> new Object2ObjectOpenHashMap<>());
    lastMetric = metric;
    lastWeek = week;
    lastCells = weekCells;
    return weekCells;
  }

  private static List<ScopeId> withoutMember(List<ScopeId> scopes) {
    for (ScopeId scope : scopes) {
      if (scope.kind() == ScopeKind.MEMBER) {
        return scopes.stream().filter(s -> s.kind() != ScopeKind.MEMBER).toList();
      }
    }
    return scopes;
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
    other.shapes.forEach(
        (metric, weeks) -> {
          Map<IsoWeek, Set<List<ScopeId>>> mine = shapes.putIfAbsent(metric, weeks);
          if (mine != null) {
            weeks.forEach(
                (week, lists) ->
                    mine.merge(
                        week,
                        lists,
                        (a, b) -> {
                          a.addAll(b);
                          return a;
                        }));
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

  /**
   * The distinct scope lists of a people-derived metric's items in a week, member scopes left out
   * (a member's figures are theirs alone): items with the same list count in the same cells.
   */
  public Set<List<ScopeId>> shapes(MetricId metric, IsoWeek week) {
    // by content: pools merged from other threads hold lists equal to this one's
    return new ObjectOpenHashSet<>(
        shapes.getOrDefault(metric, Map.of()).getOrDefault(week, Set.of()));
  }

  /** The distinct people behind the items of a repository, service, bet or STO in a week. */
  public int contributors(IsoWeek week, ScopeId scope) {
    Map<ScopeId, Set<String>> weekPeople = contributors.get(week);
    Set<String> people = weekPeople == null ? null : weekPeople.get(scope);
    return people == null ? 0 : people.size();
  }

  /**
   * One figure per cell, each passed through {@code finish} (group size, privacy floor, tier);
   * (metric, week) groups are pooled in parallel, and each group's cells are let go once pooled,
   * keeping only the {@link #summaries} a range total needs. Weeks from {@code current} on are
   * partial. Called once.
   */
  public FigureTable figures(IsoWeek current, UnaryOperator<Figure> finish) {
    List<Group> groups = new ArrayList<>();
    cells.forEach(
        (metric, weeks) -> {
          if (metric.aggregation() != Aggregation.DERIVED) {
            weeks.forEach((week, scopes) -> groups.add(new Group(metric, week, scopes)));
          }
        });
    List<Pooled> pooled =
        groups.parallelStream().map(group -> group.figures(current, finish)).toList();
    cells.clear();
    lastCells = null;
    // each group's figures are a map of their own already: filed whole, never hashed again
    FigureTable figures = new FigureTable();
    for (Pooled group : pooled) {
      if (group.metric().peopleDerived()) {
        peopleDerived
            .computeIfAbsent(group.week(), w -> new EnumMap<>(MetricId.class))
            .put(group.metric(), group.figures().values());
      }
      figures.putCells(group.metric(), group.week(), group.figures());
      if (!group.summaries().isEmpty()) {
        summaries
            .computeIfAbsent(group.week(), w -> new java.util.EnumMap<>(MetricId.class))
            .put(group.metric(), group.summaries());
      }
    }
    return figures;
  }

  /**
   * After {@link #figures}: per week and people-derived metric, its figures in the table {@link
   * #figures} returned (a view of it: what disclosure control works on, week by week, before it
   * puts the figures it withholds there).
   */
  public Map<IsoWeek, Map<MetricId, Collection<Figure>>> peopleDerivedFigures() {
    return peopleDerived;
  }

  /**
   * After {@link #figures}: per week, metric and scope, the summaries of the cells whose figure
   * cannot be pooled again over weeks (percentiles, distinct counts, withheld figures).
   */
  public Map<IsoWeek, Map<MetricId, Map<ScopeId, CellSummary>>> summaries() {
    return summaries;
  }

  /** The distinct people of each repository, service, bet and STO per week (sorted). */
  public Map<IsoWeek, Map<ScopeId, String[]>> contributorsByWeek() {
    Map<IsoWeek, Map<ScopeId, String[]>> byWeek = new HashMap<>();
    contributors.forEach(
        (week, scopes) -> {
          Map<ScopeId, String[]> people = new HashMap<>();
          scopes.forEach(
              (scope, persons) -> {
                String[] sorted = persons.toArray(String[]::new);
                java.util.Arrays.sort(sorted);
                people.put(scope, sorted);
              });
          byWeek.put(week, people);
        });
    return byWeek;
  }

  /**
   * One figure for a range pooled from weekly cells: each week's {@link CellSummary} where there is
   * one, else its figure (a ratio or sum not withheld). {@code week} labels it, {@code people} is
   * the group behind it. Null when the weeks pooled no item.
   */
  public static Figure pooledFromWeeks(
      MetricId metric,
      ScopeId scope,
      IsoWeek week,
      List<Figure> figures,
      List<CellSummary> summaries,
      int people) {
    CellAccumulator cell = new CellAccumulator();
    for (int i = 0; i < figures.size(); i++) {
      if (summaries.get(i) != null) {
        cell.add(summaries.get(i));
      } else {
        cell.addFigure(figures.get(i));
      }
    }
    if (cell.items() == 0) {
      return null;
    }
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
        p.byTool(),
        null,
        null,
        false);
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
        p.byTool(),
        null,
        null,
        false);
  }

  /** A group's figures, and the summaries of its cells a range total needs. */
  private record Pooled(
      MetricId metric,
      IsoWeek week,
      Map<ScopeId, Figure> figures,
      Map<ScopeId, CellSummary> summaries) {}

  private record Group(MetricId metric, IsoWeek week, Map<ScopeId, CellAccumulator> scopes) {

    Pooled figures(IsoWeek current, UnaryOperator<Figure> finish) {
      boolean partial = week.compareTo(current) >= 0;
      boolean summarized = CellSummary.needed(metric.aggregation());
      Map<ScopeId, Figure> figures = new Object2ObjectOpenHashMap<>(scopes.size());
      // kept as long as the figures: an open-addressing map has no entry objects
      Map<ScopeId, CellSummary> summaries = new Object2ObjectOpenHashMap<>();
      scopes.forEach(
          (scope, cell) -> {
            CellAccumulator.Pooled p = cell.pool(metric.aggregation());
            Figure figure =
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
                        p.byTool(),
                        null,
                        null,
                        partial));
            figures.put(scope, figure);
            if (summarized || figure.withheld() != null) {
              summaries.put(scope, cell.summary());
            }
          });
      scopes.clear(); // the cells are summarized: let them go before the next groups pool
      return new Pooled(metric, week, figures, summaries);
    }
  }
}
