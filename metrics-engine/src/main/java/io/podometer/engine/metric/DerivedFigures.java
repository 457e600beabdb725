package io.podometer.engine.metric;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.FigureTable;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.Pilot;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.Map;

/** What is computed from pooled figures: DORA tiers and weeks to 90 % adoption of pilots. */
final class DerivedFigures {

  static final double ADOPTED = 0.9;

  private final EngineContext context;
  private final DoraTiers tiers;

  DerivedFigures(EngineContext context, DoraTiers tiers) {
    this.context = context;
    this.tiers = tiers;
  }

  void apply(FigureTable figures) {
    applyTiers(figures);
    weeksToAdoption(figures);
  }

  /**
   * Deployment frequency's tier reads the 4 weeks ending it; the other tiers are set when pooled.
   */
  private void applyTiers(FigureTable figures) {
    for (FigureKey key : figures.keysOf(MetricId.DEPLOYMENT_FREQUENCY)) {
      Figure figure = figures.get(key);
      if (figure.value() == null) {
        continue;
      }
      double lastFour = 0;
      for (int back = 0; back < 4; back++) {
        Figure earlier =
            figures.get(
                new FigureKey(
                    MetricId.DEPLOYMENT_FREQUENCY, key.scope(), key.week().plusWeeks(-back)));
        lastFour += earlier == null || earlier.value() == null ? 0 : earlier.value();
      }
      Figure days = figures.get(new FigureKey(MetricId.DEPLOY_DAYS, key.scope(), key.week()));
      double deployDays = days == null || days.value() == null ? 0 : days.value();
      figures.put(
          key, figure.withTier(tiers.deploymentFrequency(deployDays, figure.value(), lastFour)));
    }
  }

  /**
   * For a pilot pod, from the first week its weekly active AI users reach 90 %: the number of weeks
   * from the pilot's start week to that week.
   */
  private void weeksToAdoption(FigureTable figures) {
    for (Pilot pilot : context.org().pilots()) {
      ScopeId pod = ScopeId.pod(pilot.pod());
      IsoWeek start = IsoWeek.of(pilot.start());
      Integer crossedAfter = null;
      for (IsoWeek week = start; week.compareTo(context.to()) <= 0; week = week.plusWeeks(1)) {
        Figure adoption = figures.get(new FigureKey(MetricId.WEEKLY_ACTIVE_AI_USERS, pod, week));
        if (crossedAfter == null
            && adoption != null
            && adoption.value() != null
            && adoption.value() >= ADOPTED) {
          if (week.compareTo(start) > 0 && !context.inRange(week.plusWeeks(-1))) {
            // adopted in the first week computed, the pilot having started before it: the
            // crossing may be earlier, outside the weeks at hand, so the count is not known here
            break;
          }
          crossedAfter = weeksBetween(start, week);
        }
        if (crossedAfter != null && context.inRange(week)) {
          FigureKey key = new FigureKey(MetricId.WEEKS_TO_90PCT_ADOPTION, pod, week);
          int people = adoption == null ? 0 : adoption.people();
          figures.put(
              key,
              new Figure(
                  MetricId.WEEKS_TO_90PCT_ADOPTION,
                  pod,
                  week,
                  (double) crossedAfter,
                  null,
                  null,
                  1,
                  people,
                  null,
                  Map.of(),
                  Map.of(),
                  null,
                  null,
                  week.compareTo(context.weekOf(context.now())) >= 0));
        }
      }
    }
  }

  static int weeksBetween(IsoWeek from, IsoWeek to) {
    return (int) java.time.temporal.ChronoUnit.WEEKS.between(from.monday(), to.monday());
  }
}
