package io.podometer.engine.metric;

import io.podometer.engine.figure.Aggregation;
import io.podometer.engine.figure.CellSummary;
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
 * scope's members at any time in the range, or its distinct contributors over the range; and a
 * range holding a withheld week is withheld, else subtracting the weeks shown would reveal it.
 */
public final class RangeTotals {

  private final MetricsEngine engine;
  private final DoraTiers tiers;

  public RangeTotals(MetricsEngine engine, DoraTiers tiers) {
    this.engine = engine;
    this.tiers = tiers;
  }

  /** The weekly cells of a range: their figures and what pooling them again needs. */
  public interface WeeklyCells {

    Figure figure(MetricId metric, ScopeId scope, IsoWeek week);

    /** Null where the figure suffices (a ratio or sum, not withheld). */
    CellSummary summary(MetricId metric, ScopeId scope, IsoWeek week);

    /** The distinct people of a repository, service, bet or STO that week. */
    String[] contributors(ScopeId scope, IsoWeek week);

    /** Whether the week's summaries are known. */
    boolean summarized(IsoWeek week);
  }

  /**
   * The totals of {@code metrics} for a scope over {@code lookups}' weeks, pooled from the weekly
   * cells rather than from the facts: the same figures as {@link #totals}, in the time of a few map
   * look-ups a week. Empty when a week's summaries are not known (figures read from the store
   * before their first recomputation).
   */
  public java.util.Optional<List<Figure>> fromWeeks(
      EngineContext lookups, ScopeId scope, List<MetricId> metrics, WeeklyCells cells) {
    List<IsoWeek> weeks = new ArrayList<>();
    for (IsoWeek week = lookups.from();
        week.compareTo(lookups.to()) <= 0;
        week = week.plusWeeks(1)) {
      if (!cells.summarized(week)) {
        return java.util.Optional.empty();
      }
      weeks.add(week);
    }
    PrivacyFloor floor = new PrivacyFloor(lookups, null);
    int people;
    if (scope.kind().groupIsMembership()) {
      people = floor.membersOf(scope, lookups.from(), lookups.to()).size();
    } else if (scope.kind() == ScopeKind.MEMBER) {
      people = 1;
    } else {
      Set<String> persons = new HashSet<>();
      for (IsoWeek week : weeks) {
        java.util.Collections.addAll(persons, cells.contributors(scope, week));
      }
      people = persons.size();
    }
    List<Figure> totals = new ArrayList<>();
    for (MetricId metric : metrics) {
      if (metric.aggregation() == Aggregation.DERIVED) {
        Figure last = cells.figure(metric, scope, lookups.to());
        if (last != null) {
          totals.add(last);
        }
        continue;
      }
      List<Figure> figures = new ArrayList<>();
      List<CellSummary> summaries = new ArrayList<>();
      boolean anyWithheld = false;
      for (IsoWeek week : weeks) {
        Figure figure = cells.figure(metric, scope, week);
        if (figure != null) {
          figures.add(figure);
          summaries.add(cells.summary(metric, scope, week));
          anyWithheld |= figure.withheld() != null;
        }
      }
      if (anyWithheld) {
        totals.add(withheldTotal(metric, scope, lookups.to(), figures));
        continue;
      }
      Figure total =
          FigurePool.pooledFromWeeks(metric, scope, lookups.to(), figures, summaries, people);
      if (total == null) {
        continue;
      }
      totals.add(finish(total, metric, scope, people, floor));
    }
    return java.util.Optional.of(totals);
  }

  /**
   * A range with a withheld week is withheld as a whole: its total minus the weeks shown would be
   * the withheld week (SPEC §8 disclosure control). Taken from one of the range's figures, which
   * carry no num, den, count or group size once withheld.
   */
  private static Figure withheldTotal(
      MetricId metric, ScopeId scope, IsoWeek last, List<Figure> figures) {
    IsoWeek withheldWeek =
        figures.stream().filter(f -> f.withheld() != null).findFirst().orElseThrow().week();
    return new Figure(
            metric,
            scope,
            last,
            null,
            null,
            null,
            0,
            0,
            null,
            java.util.Map.of(),
            java.util.Map.of(),
            null,
            "withheld: the range holds " + withheldWeek + ", which is withheld",
            false)
        .redacted();
  }

  private Figure finish(
      Figure total, MetricId metric, ScopeId scope, int people, PrivacyFloor floor) {
    if (metric.peopleDerived() && scope.kind() != ScopeKind.MEMBER && people < floor.floor()) {
      return total.withheld(people, floor.reason()).redacted();
    }
    return metric == MetricId.DEPLOYMENT_FREQUENCY ? total : tiers.applyTo(total);
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
      List<Figure> weekly = new ArrayList<>();
      for (IsoWeek week = context.from();
          week.compareTo(context.to()) <= 0;
          week = week.plusWeeks(1)) {
        Figure figure = result.figure(metric, scope, week);
        if (figure != null && figure.withheld() != null) {
          weekly.add(figure);
        }
      }
      if (!weekly.isEmpty()) {
        totals.add(withheldTotal(metric, scope, context.to(), weekly));
        continue;
      }
      Figure total = FigurePool.pooled(metric, scope, context.to(), items, people);
      totals.add(finish(total, metric, scope, people, floor));
    }
    return totals;
  }
}
