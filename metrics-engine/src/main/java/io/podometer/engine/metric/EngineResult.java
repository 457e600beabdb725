package io.podometer.engine.metric;

import io.podometer.engine.figure.CellSummary;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.FigureTable;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every figure of a computation, and (unless computed without them) the contributions behind them
 * for drill-downs. A cell with no figure has no data: nothing covered that scope and week.
 */
public final class EngineResult {

  private final FigureTable figures;
  private final Map<MetricWeek, List<Contribution>> contributions;
  private final Map<IsoWeek, Map<MetricId, Map<ScopeId, CellSummary>>> summaries;
  private final Map<IsoWeek, Map<ScopeId, String[]>> contributors;

  EngineResult(
      FigureTable figures,
      Map<MetricWeek, List<Contribution>> contributions,
      Map<IsoWeek, Map<MetricId, Map<ScopeId, CellSummary>>> summaries,
      Map<IsoWeek, Map<ScopeId, String[]>> contributors) {
    this.figures = figures;
    this.contributions = contributions;
    this.summaries = summaries;
    this.contributors = contributors;
  }

  /**
   * Per week, metric and scope: what range totals pool where the figure alone cannot be pooled
   * again ({@link CellSummary}).
   */
  public Map<IsoWeek, Map<MetricId, Map<ScopeId, CellSummary>>> summaries() {
    return summaries;
  }

  /** Per week: the distinct people of each repository, service, bet and STO. */
  public Map<IsoWeek, Map<ScopeId, String[]>> contributors() {
    return contributors;
  }

  /** The figure of a cell, or null when there is no data for it. */
  public Figure figure(MetricId metric, ScopeId scope, IsoWeek week) {
    return figures.get(new FigureKey(metric, scope, week));
  }

  public Collection<Figure> figures() {
    return java.util.Collections.unmodifiableCollection(figures.values());
  }

  public Map<FigureKey, Figure> figureMap() {
    return java.util.Collections.unmodifiableMap(figures);
  }

  /** The weeks with a figure. */
  public java.util.Set<IsoWeek> weeks() {
    return figures.weeks();
  }

  /** A week's figures by metric, then scope (empty when none). */
  public Map<MetricId, Map<ScopeId, Figure>> figuresOf(IsoWeek week) {
    return figures.week(week);
  }

  /**
   * The items behind a cell, each with its evidence: for a ratio their nums add up to the figure's
   * num and their dens to its den; for a percentile their samples are the values it is taken over.
   */
  public List<Contribution> drilldown(MetricId metric, ScopeId scope, IsoWeek week) {
    if (contributions == null) {
      throw new IllegalStateException(
          "computed without drill-downs (MetricsEngine.computeFigures)");
    }
    return contributions.getOrDefault(new MetricWeek(metric, week), List.of()).stream()
        .filter(c -> c.scopes().contains(scope))
        .toList();
  }

  /** Every contribution in a week for a scope, of all metrics (the people behind its figures). */
  List<Contribution> contributions(ScopeId scope, IsoWeek week) {
    if (contributions == null) {
      throw new IllegalStateException(
          "computed without drill-downs (MetricsEngine.computeFigures)");
    }
    List<Contribution> all = new java.util.ArrayList<>();
    contributions.forEach(
        (key, list) -> {
          if (key.week().equals(week)) {
            list.stream().filter(c -> c.scopes().contains(scope)).forEach(all::add);
          }
        });
    return all;
  }

  /** How many contributions the computation produced. */
  public long contributionCount() {
    if (contributions == null) {
      return 0;
    }
    return contributions.values().stream().mapToLong(List::size).sum();
  }

  record MetricWeek(MetricId metric, IsoWeek week) {}
}
