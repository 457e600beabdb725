package io.podometer.engine.metric;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.Figures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every figure: runs the metric families over the facts, pools their contributions per
 * (metric, scope, week), then applies the privacy floor, DORA tiers and derived figures. Plain
 * Java, no I/O; thread-safe (holds no state between computations).
 */
public final class MetricsEngine {

  private final List<MetricFamily> families;
  private final DoraTiers tiers;

  public MetricsEngine(List<MetricFamily> families, DoraTiers tiers) {
    this.families = List.copyOf(families);
    this.tiers = tiers;
  }

  /** Every figure, with the contributions behind them kept for drill-downs. */
  public EngineResult compute(EngineContext context) {
    return compute(context, true);
  }

  /**
   * Every figure only: the contributions are dropped once pooled, so a large organization's figures
   * fit in far less memory; drill-downs are then recomputed for the week asked.
   */
  public EngineResult computeFigures(EngineContext context) {
    return compute(context, false);
  }

  private EngineResult compute(EngineContext context, boolean keepContributions) {
    Map<EngineResult.MetricWeek, List<Contribution>> byMetricWeek = new HashMap<>();
    for (MetricFamily family : families) {
      family.contribute(
          context,
          c -> {
            if (context.inRange(c.week())) {
              byMetricWeek
                  .computeIfAbsent(
                      new EngineResult.MetricWeek(c.metric(), c.week()), k -> new ArrayList<>())
                  .add(c);
            }
          });
    }
    Map<FigureKey, Figure> figures = Figures.pool(byMetricWeek.values(), context);
    new PrivacyFloor(context).apply(figures, byMetricWeek.values());
    new DerivedFigures(context, tiers).apply(figures);
    return new EngineResult(figures, keepContributions ? byMetricWeek : null);
  }
}
