package io.podometer.engine.metric;

import io.podometer.engine.figure.Aggregation;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigurePool;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One figure for a whole range of weeks, pooling the items of every week (a median over all the
 * range's deployed PRs, not a median of weekly medians; SPEC §5 roll-ups). The privacy group is the
 * scope's members at any time in the range, or its distinct contributors over the range.
 */
public final class RangeTotals {

  private final MetricsEngine engine;
  private final DoraTiers tiers;

  public RangeTotals(MetricsEngine engine, DoraTiers tiers) {
    this.engine = engine;
    this.tiers = tiers;
  }

  /**
   * The totals of {@code metrics} for a scope over the context's weeks ({@code from}..{@code to});
   * the figures carry the last week of the range. Derived metrics (weeks to 90 % adoption) have no
   * total: the last week's figure stands for the range.
   */
  public List<Figure> totals(EngineContext context, ScopeId scope, List<MetricId> metrics) {
    EngineResult result = engine.compute(context);
    PrivacyFloor floor = new PrivacyFloor(context, null);
    int people;
    if (scope.kind().groupIsMembership()) {
      people = floor.membersOf(scope, context.from(), context.to()).size();
    } else if (scope.kind() == ScopeKind.MEMBER) {
      people = 1;
    } else {
      Set<String> persons = new HashSet<>();
      for (IsoWeek week = context.from();
          week.compareTo(context.to()) <= 0;
          week = week.plusWeeks(1)) {
        for (Contribution c : result.contributions(scope, week)) {
          if (c.person() != null) {
            persons.add(c.person());
          }
        }
      }
      people = persons.size();
    }
    List<Figure> totals = new ArrayList<>();
    for (MetricId metric : metrics) {
      if (metric.aggregation() == Aggregation.DERIVED) {
        Figure last = result.figure(metric, scope, context.to());
        if (last != null) {
          totals.add(last);
        }
        continue;
      }
      List<Contribution> items = new ArrayList<>();
      for (IsoWeek week = context.from();
          week.compareTo(context.to()) <= 0;
          week = week.plusWeeks(1)) {
        items.addAll(result.drilldown(metric, scope, week));
      }
      if (items.isEmpty()) {
        continue;
      }
      Figure total = FigurePool.pooled(metric, scope, context.to(), items, people);
      if (metric.peopleDerived() && scope.kind() != ScopeKind.MEMBER && people < floor.floor()) {
        totals.add(total.withheld(people, floor.reason()));
      } else {
        totals.add(metric == MetricId.DEPLOYMENT_FREQUENCY ? total : tiers.applyTo(total));
      }
    }
    return totals;
  }
}
