package io.podometer.engine.live;

import io.podometer.engine.figure.CellSummary;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The figures of one week, by metric then scope. Immutable: a change makes a new instance that
 * shares the metrics it does not touch, so a snapshot of every week costs no copy of the figures.
 */
public final class WeekFigures {

  static final WeekFigures EMPTY =
      new WeekFigures(new EnumMap<>(MetricId.class), Map.of(), Map.of(), true);

  private final EnumMap<MetricId, Map<ScopeId, Figure>> byMetric;
  private final Map<MetricId, Map<ScopeId, CellSummary>> summaries;
  private final Map<ScopeId, String[]> contributors;
  private final boolean summarized;
  private volatile Set<ScopeId> scopes;

  private WeekFigures(
      EnumMap<MetricId, Map<ScopeId, Figure>> byMetric,
      Map<MetricId, Map<ScopeId, CellSummary>> summaries,
      Map<ScopeId, String[]> contributors,
      boolean summarized) {
    this.byMetric = byMetric;
    this.summaries = summaries;
    this.contributors = contributors;
    this.summarized = summarized;
  }

  /** The figures given (all of one week), without what range totals pool (stored figures). */
  static WeekFigures of(Collection<Figure> figures) {
    return of(figures, null, null);
  }

  /**
   * The figures of one week with what range totals pool: the cells' summaries and the distinct
   * people of each repository, service, bet and STO (null: not known, e.g. loaded from the store).
   */
  static WeekFigures of(
      Collection<Figure> figures,
      Map<MetricId, Map<ScopeId, CellSummary>> summaries,
      Map<ScopeId, String[]> contributors) {
    return of(figures, summaries, contributors, null);
  }

  /**
   * As {@link #of(Collection, Map, Map)}, keeping {@code earlier}'s instance (the same week's
   * figures before a recomputation, or null) of every figure, summary and metric that did not
   * change: a recomputation that moved little then holds little more than before, and what did not
   * change is the very same instance, which tells comparisons to skip it.
   */
  static WeekFigures of(
      Collection<Figure> figures,
      Map<MetricId, Map<ScopeId, CellSummary>> summaries,
      Map<ScopeId, String[]> contributors,
      WeekFigures earlier) {
    Map<MetricId, Map<ScopeId, Figure>> byMetric = new EnumMap<>(MetricId.class);
    for (Figure figure : figures) {
      // a year's weeks hold over a million figures: open-addressing maps, no entry objects
      byMetric
          .computeIfAbsent(figure.metric(), m -> new Object2ObjectOpenHashMap<>())
          .put(figure.scope(), figure);
    }
    return ofMetrics(byMetric, summaries, contributors, earlier);
  }

  /**
   * As {@link #of(Collection, Map, Map, WeekFigures)} for figures already grouped by metric and
   * scope (a computation's, which are not changed afterwards): a metric whose figures all equal
   * {@code earlier}'s keeps its map, one without an earlier map is taken as is, and only a metric
   * that changed is copied.
   */
  static WeekFigures ofMetrics(
      Map<MetricId, Map<ScopeId, Figure>> computed,
      Map<MetricId, Map<ScopeId, CellSummary>> summaries,
      Map<ScopeId, String[]> contributors,
      WeekFigures earlier) {
    EnumMap<MetricId, Map<ScopeId, Figure>> byMetric = new EnumMap<>(MetricId.class);
    computed.forEach(
        (metric, scopes) -> {
          if (scopes.isEmpty()) {
            return;
          }
          Map<ScopeId, Figure> was = earlier == null ? Map.of() : earlier.of(metric);
          byMetric.put(
              metric,
              was.isEmpty() ? Collections.unmodifiableMap(scopes) : keepingEarlier(scopes, was));
        });
    boolean summarized = summaries != null;
    if (summarized && earlier != null && !summaries.isEmpty()) {
      summaries = sharing(summaries, earlier.summaries);
    }
    return new WeekFigures(
        byMetric,
        summarized ? summaries : Map.of(),
        summarized && contributors != null ? contributors : Map.of(),
        summarized);
  }

  /**
   * {@code now}, each figure equal to {@code was}'s as {@code was}'s instance; {@code was} itself
   * when every figure is.
   */
  private static Map<ScopeId, Figure> keepingEarlier(
      Map<ScopeId, Figure> now, Map<ScopeId, Figure> was) {
    if (now.size() == was.size() && allEqual(now, was)) {
      return was;
    }
    Map<ScopeId, Figure> kept = new Object2ObjectOpenHashMap<>(now.size());
    now.forEach(
        (scope, figure) -> {
          Figure held = was.get(scope);
          kept.put(scope, figure.equals(held) ? held : figure);
        });
    return Collections.unmodifiableMap(kept);
  }

  private static boolean allEqual(Map<ScopeId, Figure> now, Map<ScopeId, Figure> was) {
    for (Map.Entry<ScopeId, Figure> entry : entries(now)) {
      Figure held = was.get(entry.getKey());
      if (held != entry.getValue() && !entry.getValue().equals(held)) {
        return false;
      }
    }
    return true;
  }

  /** A map's entries, without an entry object per step where the map can (fastutil's). */
  private static <T> Iterable<Map.Entry<ScopeId, T>> entries(Map<ScopeId, T> map) {
    if (map instanceof Object2ObjectOpenHashMap<ScopeId, T> open) {
      return () -> {
        var fast = open.object2ObjectEntrySet().fastIterator();
        return new java.util.Iterator<>() {
          @Override
          public boolean hasNext() {
            return fast.hasNext();
          }

          @Override
          public Map.Entry<ScopeId, T> next() {
            return fast.next();
          }
        };
      };
    }
    return map.entrySet();
  }

  /** Whether the week holds no figure. */
  boolean isEmpty() {
    return byMetric.isEmpty();
  }

  private static <T> boolean sameInstances(Map<ScopeId, T> now, Map<ScopeId, T> was) {
    if (now.size() != was.size()) {
      return false;
    }
    for (Map.Entry<ScopeId, T> entry : entries(now)) {
      if (entry.getValue() != was.get(entry.getKey())) {
        return false;
      }
    }
    return true;
  }

  private static Map<MetricId, Map<ScopeId, CellSummary>> sharing(
      Map<MetricId, Map<ScopeId, CellSummary>> summaries,
      Map<MetricId, Map<ScopeId, CellSummary>> earlier) {
    Map<MetricId, Map<ScopeId, CellSummary>> shared = new EnumMap<>(MetricId.class);
    summaries.forEach(
        (metric, cells) -> {
          Map<ScopeId, CellSummary> was = earlier.getOrDefault(metric, Map.of());
          Map<ScopeId, CellSummary> kept = new Object2ObjectOpenHashMap<>(cells.size());
          cells.forEach(
              (scope, summary) -> {
                CellSummary before = was.get(scope);
                kept.put(scope, summary.equals(before) ? before : summary);
              });
          shared.put(metric, sameInstances(kept, was) ? was : kept);
        });
    return shared;
  }

  /** This week with the figures of {@code metric} replaced (none: the metric has no figure). */
  WeekFigures with(MetricId metric, Map<ScopeId, Figure> figures) {
    EnumMap<MetricId, Map<ScopeId, Figure>> copy = new EnumMap<>(byMetric);
    if (figures.isEmpty()) {
      copy.remove(metric);
    } else {
      copy.put(metric, Collections.unmodifiableMap(new Object2ObjectOpenHashMap<>(figures)));
    }
    return new WeekFigures(copy, summaries, contributors, summarized);
  }

  /**
   * As {@link #with(MetricId, Map)}, keeping {@code earlier}'s instance (the same week before a
   * recomputation, or null) of the metric's figures when they are equal.
   */
  WeekFigures with(MetricId metric, Map<ScopeId, Figure> figures, WeekFigures earlier) {
    if (earlier == null || figures.isEmpty() || !earlier.of(metric).equals(figures)) {
      return with(metric, figures);
    }
    EnumMap<MetricId, Map<ScopeId, Figure>> copy = new EnumMap<>(byMetric);
    copy.put(metric, earlier.of(metric));
    return new WeekFigures(copy, summaries, contributors, summarized);
  }

  /** Whether {@code other} holds the same instance of the figures of every metric. */
  boolean holdsTheSameFiguresAs(WeekFigures other) {
    if (other == this) {
      return true;
    }
    if (other == null || !other.byMetric.keySet().equals(byMetric.keySet())) {
      return false;
    }
    for (Map.Entry<MetricId, Map<ScopeId, Figure>> metric : byMetric.entrySet()) {
      if (other.byMetric.get(metric.getKey()) != metric.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Whether the summaries range totals pool are known (not for figures read from the store). */
  public boolean summarized() {
    return summarized;
  }

  /** What a range total pools for the cell where its figure does not suffice, or null. */
  public CellSummary summary(MetricId metric, ScopeId scope) {
    Map<ScopeId, CellSummary> byScope = summaries.get(metric);
    return byScope == null ? null : byScope.get(scope);
  }

  /** The distinct people of a repository, service, bet or STO this week (empty when none). */
  public String[] contributors(ScopeId scope) {
    return contributors.getOrDefault(scope, NO_ONE);
  }

  private static final String[] NO_ONE = new String[0];

  public Figure figure(MetricId metric, ScopeId scope) {
    Map<ScopeId, Figure> scopes = byMetric.get(metric);
    return scopes == null ? null : scopes.get(scope);
  }

  /** The figures of one metric by scope (unmodifiable; empty when none). */
  public Map<ScopeId, Figure> of(MetricId metric) {
    return byMetric.getOrDefault(metric, Map.of());
  }

  /** Every scope with a figure this week. */
  public Set<ScopeId> scopes() {
    Set<ScopeId> known = scopes;
    if (known == null) {
      Set<ScopeId> all = new HashSet<>();
      byMetric.values().forEach(figures -> all.addAll(figures.keySet()));
      known = Collections.unmodifiableSet(all);
      scopes = known;
    }
    return known;
  }

  public void forEach(Consumer<Figure> action) {
    byMetric.values().forEach(figures -> figures.values().forEach(action));
  }

  public int size() {
    int size = 0;
    for (Map<ScopeId, Figure> figures : byMetric.values()) {
      size += figures.size();
    }
    return size;
  }
}
