package io.podometer.engine.metric;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member's own figures, computed when they ask (they are not kept for every member): from the
 * weeks' window of the facts, the slice of the pods the member belonged to ({@link ScopeSlice}).
 * The same figures as a computation over every fact.
 */
public final class MemberFigures {

  private MemberFigures() {}

  public static Map<MetricId, TreeMap<IsoWeek, Figure>> series(
      MetricsEngine engine,
      OrgLookups lookups,
      FactSet facts,
      String member,
      Collection<MetricId> metrics,
      IsoWeek from,
      IsoWeek to,
      Instant now) {
    ScopeId scope = ScopeId.member(member);
    FactSet window = FactWindow.around(facts, from, to, lookups.org().org().timeZone());
    FactSet slice = ScopeSlice.of(new EngineContext(lookups, window, from, to, now), window, scope);
    EngineResult result = engine.computeFigures(new EngineContext(lookups, slice, from, to, now));
    Map<MetricId, TreeMap<IsoWeek, Figure>> series = new TreeMap<>();
    for (MetricId metric : metrics) {
      TreeMap<IsoWeek, Figure> byWeek = new TreeMap<>();
      for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
        Figure figure = result.figure(metric, scope, week);
        if (figure != null) {
          byWeek.put(week, figure);
        }
      }
      series.put(metric, byWeek);
    }
    return series;
  }
}
