package io.podometer.engine.live;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.OrgLookups;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures in force at one moment, with the facts and organization model they were computed
 * from. Immutable and thread-safe: readers keep the snapshot they started with while the next one
 * is computed, so a read never waits for an update.
 */
public final class FigureSnapshot implements io.podometer.engine.metric.RangeTotals.WeeklyCells {

  private final Map<IsoWeek, WeekFigures> weeks;
  private final FactSet facts;
  private final OrgModel org;
  private final OrgLookups lookups;
  private final IsoWeek from;
  private final IsoWeek to;
  private volatile SortedSet<ScopeId> scopes;
  // the facts around the weeks drill-downs were last asked about: cutting a week's window from a
  // year of facts costs more than the drill-down itself, and the indexes a pod's slice reads are
  // built on the window once
  private final Map<WindowKey, FactSet> windows = new java.util.concurrent.ConcurrentHashMap<>();

  private record WindowKey(IsoWeek from, IsoWeek to, java.time.ZoneId zone, boolean ahead) {}

  private static final int WINDOWS_KEPT = 2;

  FigureSnapshot(
      Map<IsoWeek, WeekFigures> weeks,
      FactSet facts,
      OrgLookups lookups,
      IsoWeek from,
      IsoWeek to) {
    this.weeks = Map.copyOf(weeks);
    this.facts = facts;
    this.org = lookups.org();
    this.lookups = lookups;
    this.from = from;
    this.to = to;
  }

  /**
   * The facts that can move the figures of {@code from}..{@code to} ({@link
   * io.podometer.engine.metric.FactWindow#around}), kept for the last few ranges asked: the facts
   * of a snapshot never change.
   */
  public FactSet window(IsoWeek from, IsoWeek to, java.time.ZoneId zone) {
    return window(from, to, zone, true);
  }

  /**
   * As {@link #window(IsoWeek, IsoWeek, java.time.ZoneId)}; without {@code ahead}, the facts up to
   * the end of {@code to} only ({@link io.podometer.engine.metric.FactWindow#upTo}), for metrics
   * that read nothing after their week.
   */
  public FactSet window(IsoWeek from, IsoWeek to, java.time.ZoneId zone, boolean ahead) {
    WindowKey key = new WindowKey(from, to, zone, ahead);
    FactSet window = windows.get(key);
    if (window != null) {
      return window;
    }
    if (windows.size() >= WINDOWS_KEPT) {
      windows.clear(); // a few weeks are asked about at a time: start again rather than grow
    }
    return windows.computeIfAbsent(
        key,
        k ->
            ahead
                ? io.podometer.engine.metric.FactWindow.around(facts, from, to, zone)
                : io.podometer.engine.metric.FactWindow.upTo(facts, from, to, zone));
  }

  @Override
  public Figure figure(MetricId metric, ScopeId scope, IsoWeek week) {
    WeekFigures figures = weeks.get(week);
    return figures == null ? null : figures.figure(metric, scope);
  }

  /** The figures of a scope for the given metrics and weeks, by metric then week. */
  public Map<MetricId, TreeMap<IsoWeek, Figure>> series(
      ScopeId scope, Collection<MetricId> metrics, IsoWeek first, IsoWeek last) {
    Map<MetricId, TreeMap<IsoWeek, Figure>> series = new TreeMap<>();
    for (MetricId metric : metrics) {
      TreeMap<IsoWeek, Figure> byWeek = new TreeMap<>();
      for (IsoWeek week = first; week.compareTo(last) <= 0; week = week.plusWeeks(1)) {
        Figure figure = figure(metric, scope, week);
        if (figure != null) {
          byWeek.put(week, figure);
        }
      }
      series.put(metric, byWeek);
    }
    return series;
  }

  Map<IsoWeek, WeekFigures> weeks() {
    return weeks;
  }

  @Override
  public io.podometer.engine.figure.CellSummary summary(
      MetricId metric, ScopeId scope, IsoWeek week) {
    return week(week).summary(metric, scope);
  }

  @Override
  public String[] contributors(ScopeId scope, IsoWeek week) {
    return week(week).contributors(scope);
  }

  @Override
  public boolean summarized(IsoWeek week) {
    return week(week).summarized();
  }

  /**
   * Whether {@code other} serves the very same figures for the same organization model and weeks:
   * each week's figures of each metric the same instances (a recomputation that changed nothing
   * keeps them), so that what reads only figures need not read them again.
   */
  public boolean holdsTheSameFiguresAs(FigureSnapshot other) {
    if (other == this) {
      return true;
    }
    if (other == null
        || other.org != org
        || !other.from.equals(from)
        || !other.to.equals(to)
        || !other.weeks.keySet().equals(weeks.keySet())) {
      return false;
    }
    for (Map.Entry<IsoWeek, WeekFigures> week : weeks.entrySet()) {
      if (!week.getValue().holdsTheSameFiguresAs(other.weeks.get(week.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The figures of one week (empty when none). */
  public WeekFigures week(IsoWeek week) {
    return weeks.getOrDefault(week, WeekFigures.EMPTY);
  }

  /** Every figure (a new map). */
  public Map<FigureKey, Figure> all() {
    Map<FigureKey, Figure> all = new HashMap<>(size() * 4 / 3 + 1);
    weeks
        .values()
        .forEach(
            week -> week.forEach(f -> all.put(new FigureKey(f.metric(), f.scope(), f.week()), f)));
    return all;
  }

  public int size() {
    int size = 0;
    for (WeekFigures week : weeks.values()) {
      size += week.size();
    }
    return size;
  }

  /** The scopes that have at least one figure. */
  public SortedSet<ScopeId> scopes() {
    SortedSet<ScopeId> known = scopes;
    if (known == null) {
      TreeSet<ScopeId> all = new TreeSet<>();
      weeks.values().forEach(week -> all.addAll(week.scopes()));
      known = java.util.Collections.unmodifiableSortedSet(all);
      scopes = known;
    }
    return known;
  }

  public FactSet facts() {
    return facts;
  }

  public OrgModel org() {
    return org;
  }

  /**
   * The model's lookups the figures were computed with, and what they decided meanwhile (a commit's
   * attribution, a pull request's bets): a drill-down or a range total reads them rather than
   * deciding everything again.
   */
  public OrgLookups lookups() {
    return lookups;
  }

  public IsoWeek from() {
    return from;
  }

  public IsoWeek to() {
    return to;
  }
}
