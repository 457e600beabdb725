package io.podometer.engine.figure;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Figures by cell, held by week, then metric, then scope: the shape a computation pools them in and
 * the live figures file them in. A year's 1.9 million figures are then never hashed into one table,
 * nor regrouped by week afterwards; a (metric, week)'s figures are one map of their own. Figures
 * are never null. Not thread-safe.
 */
public final class FigureTable extends AbstractMap<FigureKey, Figure> {

  private final Map<IsoWeek, Map<MetricId, Map<ScopeId, Figure>>> weeks = new HashMap<>();
  private int size;

  @Override
  public Figure get(Object key) {
    if (!(key instanceof FigureKey cell)) {
      return null;
    }
    Map<ScopeId, Figure> scopes = cellsOrNull(cell.metric(), cell.week());
    return scopes == null ? null : scopes.get(cell.scope());
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Figure put(FigureKey key, Figure figure) {
    Objects.requireNonNull(figure, "figure");
    Figure was =
        weeks
            .computeIfAbsent(key.week(), w -> new EnumMap<>(MetricId.class))
            .computeIfAbsent(key.metric(), m -> new Object2ObjectOpenHashMap<>())
            .put(key.scope(), figure);
    if (was == null) {
      size++;
    }
    return was;
  }

  /**
   * Files the figures of one metric in one week at once, {@code scopes} taken as is (the table owns
   * it from then on). The cells must have no figure yet.
   */
  public void putCells(MetricId metric, IsoWeek week, Map<ScopeId, Figure> scopes) {
    if (scopes.isEmpty()) {
      return;
    }
    Map<MetricId, Map<ScopeId, Figure>> metrics =
        weeks.computeIfAbsent(week, w -> new EnumMap<>(MetricId.class));
    if (metrics.containsKey(metric)) {
      throw new IllegalStateException(metric + " in " + week + " already has figures");
    }
    metrics.put(metric, scopes);
    size += scopes.size();
  }

  @Override
  public Figure remove(Object key) {
    if (!(key instanceof FigureKey cell)) {
      return null;
    }
    Map<ScopeId, Figure> scopes = cellsOrNull(cell.metric(), cell.week());
    Figure was = scopes == null ? null : scopes.remove(cell.scope());
    if (was != null) {
      size--;
      if (scopes.isEmpty()) {
        Map<MetricId, Map<ScopeId, Figure>> metrics = weeks.get(cell.week());
        metrics.remove(cell.metric());
        if (metrics.isEmpty()) {
          weeks.remove(cell.week());
        }
      }
    }
    return was;
  }

  /** Removes every figure of {@code metric}. */
  public void removeMetric(MetricId metric) {
    weeks
        .values()
        .removeIf(
            metrics -> {
              Map<ScopeId, Figure> scopes = metrics.remove(metric);
              if (scopes != null) {
                size -= scopes.size();
              }
              return metrics.isEmpty();
            });
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * The figures of {@code metric} in {@code week} by scope (empty when none; not to be changed).
   */
  public Map<ScopeId, Figure> cells(MetricId metric, IsoWeek week) {
    Map<ScopeId, Figure> scopes = cellsOrNull(metric, week);
    return scopes == null ? Map.of() : Collections.unmodifiableMap(scopes);
  }

  private Map<ScopeId, Figure> cellsOrNull(MetricId metric, IsoWeek week) {
    Map<MetricId, Map<ScopeId, Figure>> metrics = weeks.get(week);
    return metrics == null ? null : metrics.get(metric);
  }

  /** The weeks that have a figure. */
  public Set<IsoWeek> weeks() {
    return Collections.unmodifiableSet(weeks.keySet());
  }

  /**
   * A week's figures by metric, then scope (empty when none). The maps are the table's own: read
   * them, do not change them.
   */
  public Map<MetricId, Map<ScopeId, Figure>> week(IsoWeek week) {
    Map<MetricId, Map<ScopeId, Figure>> metrics = weeks.get(week);
    return metrics == null ? Map.of() : Collections.unmodifiableMap(metrics);
  }

  /** The cells of every figure of {@code metric}. */
  public List<FigureKey> keysOf(MetricId metric) {
    List<FigureKey> keys = new ArrayList<>();
    weeks.forEach(
        (week, metrics) -> {
          Map<ScopeId, Figure> scopes = metrics.get(metric);
          if (scopes != null) {
            scopes.keySet().forEach(scope -> keys.add(new FigureKey(metric, scope, week)));
          }
        });
    return keys;
  }

  @Override
  public Collection<Figure> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<Figure> iterator() {
        return new Cells<>() {
          @Override
          Figure at(IsoWeek week, MetricId metric, Map.Entry<ScopeId, Figure> cell) {
            return cell.getValue();
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public Set<Map.Entry<FigureKey, Figure>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<FigureKey, Figure>> iterator() {
        return new Cells<>() {
          @Override
          Map.Entry<FigureKey, Figure> at(
              IsoWeek week, MetricId metric, Map.Entry<ScopeId, Figure> cell) {
            return new SimpleImmutableEntry<>(
                new FigureKey(metric, cell.getKey(), week), cell.getValue());
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Walks every cell, week by week and metric by metric (read only). */
  private abstract class Cells<T> implements Iterator<T> {
    private final Iterator<Map.Entry<IsoWeek, Map<MetricId, Map<ScopeId, Figure>>>> byWeek =
        weeks.entrySet().iterator();
    private IsoWeek week;
    private Iterator<Map.Entry<MetricId, Map<ScopeId, Figure>>> byMetric =
        Collections.emptyIterator();
    private MetricId metric;
    private Iterator<Map.Entry<ScopeId, Figure>> byScope = Collections.emptyIterator();

    abstract T at(IsoWeek week, MetricId metric, Map.Entry<ScopeId, Figure> cell);

    @Override
    public boolean hasNext() {
      while (!byScope.hasNext()) {
        while (!byMetric.hasNext()) {
          if (!byWeek.hasNext()) {
            return false;
          }
          Map.Entry<IsoWeek, Map<MetricId, Map<ScopeId, Figure>>> next = byWeek.next();
          week = next.getKey();
          byMetric = next.getValue().entrySet().iterator();
        }
        Map.Entry<MetricId, Map<ScopeId, Figure>> next = byMetric.next();
        metric = next.getKey();
        byScope = next.getValue().entrySet().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return at(week, metric, byScope.next());
    }
  }
}
