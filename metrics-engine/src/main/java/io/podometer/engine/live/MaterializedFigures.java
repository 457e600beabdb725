package io.podometer.engine.live;

import io.podometer.engine.fact.FactKey;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.FactWindow;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every figure of a range of weeks, kept current as facts change: a changed fact marks the weeks it
 * can move ({@link AffectedWeeks}); those weeks are recomputed from the facts around them ({@link
 * FactWindow}), what reads across weeks is re-derived, and the figures that changed are handed back
 * to be stored. A full recomputation gives the same figures. Thread-safe: changes are serialized,
 * reads see a consistent state.
 */
public final class MaterializedFigures {

  private final MetricsEngine engine;
  private final LiveFacts facts = new LiveFacts();
  private final Map<IsoWeek, Map<FigureKey, Figure>> byWeek = new HashMap<>();
  private OrgModel org;
  private IsoWeek from;
  private IsoWeek to;

  public MaterializedFigures(MetricsEngine engine, OrgModel org, IsoWeek from, IsoWeek to) {
    this.engine = engine;
    this.org = org;
    this.from = from;
    this.to = to;
  }

  /** Loads facts without recomputing (at start, before {@link #recomputeAll} or {@link #load}). */
  public synchronized void loadFacts(Collection<FoldedFact> folded) {
    facts.put(folded);
  }

  /** Loads stored figures as they were last computed (at start). */
  public synchronized void load(Collection<Figure> figures) {
    byWeek.clear();
    for (Figure figure : figures) {
      weekOf(figure.week()).put(key(figure), figure);
    }
  }

  /** Every figure of every week from the facts, replacing what was held. */
  public synchronized FigureChanges recomputeAll(Instant now) {
    long start = System.nanoTime();
    TreeSet<IsoWeek> weeks = new TreeSet<>();
    for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
      weeks.add(week);
    }
    weeks.addAll(byWeek.keySet());
    Map<FigureKey, Figure> before = snapshot(weeks);
    byWeek.clear();
    EngineResult result = engine.computeFigures(context(facts.factSet(), from, to, now));
    result.figureMap().values().forEach(f -> weekOf(f.week()).put(key(f), f));
    return FigureChanges.between(before, snapshot(weeks), weeks, start);
  }

  /** Applies changed facts and recomputes the weeks they can move. */
  public synchronized FigureChanges apply(Collection<FoldedFact> changed, Instant now) {
    return recompute(facts.put(changed), now);
  }

  /** Removes facts (erasure) and recomputes the weeks they moved. */
  public synchronized FigureChanges remove(Collection<FactKey> keys, Instant now) {
    return recompute(facts.remove(keys), now);
  }

  /**
   * A new organization model or a new range of weeks (the current week moved on): everything is
   * recomputed.
   */
  public synchronized FigureChanges reset(
      OrgModel newOrg, IsoWeek newFrom, IsoWeek newTo, Instant now) {
    this.org = newOrg;
    this.from = newFrom;
    this.to = newTo;
    return recomputeAll(now);
  }

  /** Recomputes the given weeks (e.g. the last weeks, as their windows close with time). */
  public synchronized FigureChanges recomputeWeeks(SortedSet<IsoWeek> weeks, Instant now) {
    long start = System.nanoTime();
    TreeSet<IsoWeek> inRange = new TreeSet<>();
    for (IsoWeek week : weeks) {
      if (week.compareTo(from) >= 0 && week.compareTo(to) <= 0) {
        inRange.add(week);
      }
    }
    return recomputeWeeks(inRange, now, start);
  }

  private FigureChanges recompute(List<LiveFacts.Change> changes, Instant now) {
    long start = System.nanoTime();
    TreeSet<IsoWeek> weeks = new TreeSet<>();
    AffectedWeeks affected = new AffectedWeeks(org.org().timeZone(), facts);
    for (LiveFacts.Change change : changes) {
      affected.add(change, from, to, weeks);
    }
    return recomputeWeeks(weeks, now, start);
  }

  private FigureChanges recomputeWeeks(TreeSet<IsoWeek> weeks, Instant now, long start) {
    if (weeks.isEmpty()) {
      return new FigureChanges(List.of(), List.of(), Collections.emptySortedSet(), 0);
    }
    Map<FigureKey, Figure> before = snapshotAffected(weeks);
    FactSet all = facts.factSet();
    for (List<IsoWeek> run : runs(weeks)) {
      IsoWeek first = run.get(0);
      IsoWeek last = run.get(run.size() - 1);
      EngineResult result =
          engine.computeFigures(
              context(FactWindow.around(all, first, last, org.org().timeZone()), first, last, now));
      for (IsoWeek week : run) {
        byWeek.remove(week);
      }
      for (Figure figure : result.figureMap().values()) {
        // re-derived below from every week's series
        if (figure.metric() != MetricId.WEEKS_TO_90PCT_ADOPTION) {
          weekOf(figure.week()).put(key(figure), figure);
        }
      }
    }
    rederive(now);
    return FigureChanges.between(before, snapshotAffected(weeks), weeks, start);
  }

  /** Deployment frequency tiers and weeks to adoption, over every week held. */
  private void rederive(Instant now) {
    Map<FigureKey, Figure> acrossWeeks = new HashMap<>();
    for (Map<FigureKey, Figure> week : byWeek.values()) {
      week.forEach(
          (key, figure) -> {
            if (MetricsEngine.readsAcrossWeeks(key.metric())) {
              acrossWeeks.put(key, figure);
            }
          });
    }
    engine.rederive(acrossWeeks, context(FactSet.ofTyped(Map.of()), from, to, now));
    for (Map<FigureKey, Figure> week : byWeek.values()) {
      week.keySet().removeIf(key -> key.metric() == MetricId.WEEKS_TO_90PCT_ADOPTION);
    }
    acrossWeeks.values().forEach(f -> weekOf(f.week()).put(key(f), f));
  }

  /** The figures of the weeks recomputed and every figure that reads across weeks. */
  private Map<FigureKey, Figure> snapshotAffected(SortedSet<IsoWeek> weeks) {
    Map<FigureKey, Figure> snapshot = snapshot(weeks);
    for (Map<FigureKey, Figure> week : byWeek.values()) {
      week.forEach(
          (key, figure) -> {
            if (MetricsEngine.readsAcrossWeeks(key.metric())) {
              snapshot.put(key, figure);
            }
          });
    }
    return snapshot;
  }

  private Map<FigureKey, Figure> snapshot(Collection<IsoWeek> weeks) {
    Map<FigureKey, Figure> snapshot = new HashMap<>();
    for (IsoWeek week : weeks) {
      Map<FigureKey, Figure> figures = byWeek.get(week);
      if (figures != null) {
        snapshot.putAll(figures);
      }
    }
    return snapshot;
  }

  /** Consecutive weeks together: each run is computed at once from one window of facts. */
  private static List<List<IsoWeek>> runs(SortedSet<IsoWeek> weeks) {
    List<List<IsoWeek>> runs = new ArrayList<>();
    List<IsoWeek> run = new ArrayList<>();
    for (IsoWeek week : weeks) {
      if (!run.isEmpty() && !run.get(run.size() - 1).plusWeeks(1).equals(week)) {
        runs.add(run);
        run = new ArrayList<>();
      }
      run.add(week);
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  private EngineContext context(FactSet factSet, IsoWeek first, IsoWeek last, Instant now) {
    return new EngineContext(org, factSet, first, last, now);
  }

  private Map<FigureKey, Figure> weekOf(IsoWeek week) {
    return byWeek.computeIfAbsent(week, w -> new HashMap<>());
  }

  private static FigureKey key(Figure figure) {
    return new FigureKey(figure.metric(), figure.scope(), figure.week());
  }

  // ---- reads ----

  public synchronized Figure figure(MetricId metric, ScopeId scope, IsoWeek week) {
    Map<FigureKey, Figure> figures = byWeek.get(week);
    return figures == null ? null : figures.get(new FigureKey(metric, scope, week));
  }

  /** The figures of a scope for the given metrics and weeks, by metric then week. */
  public synchronized Map<MetricId, TreeMap<IsoWeek, Figure>> series(
      ScopeId scope, Collection<MetricId> metrics, IsoWeek first, IsoWeek last) {
    Map<MetricId, TreeMap<IsoWeek, Figure>> series = new TreeMap<>();
    for (MetricId metric : metrics) {
      TreeMap<IsoWeek, Figure> weeks = new TreeMap<>();
      for (IsoWeek week = first; week.compareTo(last) <= 0; week = week.plusWeeks(1)) {
        Map<FigureKey, Figure> figures = byWeek.get(week);
        Figure figure = figures == null ? null : figures.get(new FigureKey(metric, scope, week));
        if (figure != null) {
          weeks.put(week, figure);
        }
      }
      series.put(metric, weeks);
    }
    return series;
  }

  /** Every figure held (a copy). */
  public synchronized Map<FigureKey, Figure> all() {
    Map<FigureKey, Figure> all = new HashMap<>();
    byWeek.values().forEach(all::putAll);
    return all;
  }

  /** The scopes that have at least one figure. */
  public synchronized SortedSet<ScopeId> scopes() {
    TreeSet<ScopeId> scopes = new TreeSet<>();
    byWeek.values().forEach(week -> week.keySet().forEach(key -> scopes.add(key.scope())));
    return scopes;
  }

  public synchronized FactSet facts() {
    return facts.factSet();
  }

  public synchronized OrgModel org() {
    return org;
  }

  public synchronized IsoWeek from() {
    return from;
  }

  public synchronized IsoWeek to() {
    return to;
  }
}
