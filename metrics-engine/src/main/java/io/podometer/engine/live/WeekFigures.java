package io.podometer.engine.live;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The figures of one week, by metric then scope. Immutable: a change makes a new instance that
 * shares the metrics it does not touch, so a snapshot of every week costs no copy of the figures.
 */
public final class WeekFigures {

  static final WeekFigures EMPTY = new WeekFigures(new EnumMap<>(MetricId.class));

  private final EnumMap<MetricId, Map<ScopeId, Figure>> byMetric;
  private volatile Set<ScopeId> scopes;

  private WeekFigures(EnumMap<MetricId, Map<ScopeId, Figure>> byMetric) {
    this.byMetric = byMetric;
  }

  /** The figures given (all of one week). */
  static WeekFigures of(Collection<Figure> figures) {
    EnumMap<MetricId, Map<ScopeId, Figure>> byMetric = new EnumMap<>(MetricId.class);
    for (Figure figure : figures) {
      byMetric.computeIfAbsent(figure.metric(), m -> new HashMap<>()).put(figure.scope(), figure);
    }
    byMetric.replaceAll((metric, scopes) -> Collections.unmodifiableMap(scopes));
    return new WeekFigures(byMetric);
  }

  /** This week with the figures of {@code metric} replaced (none: the metric has no figure). */
  WeekFigures with(MetricId metric, Map<ScopeId, Figure> figures) {
    EnumMap<MetricId, Map<ScopeId, Figure>> copy = new EnumMap<>(byMetric);
    if (figures.isEmpty()) {
      copy.remove(metric);
    } else {
      copy.put(metric, Collections.unmodifiableMap(new HashMap<>(figures)));
    }
    return new WeekFigures(copy);
  }

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
