package io.podometer.engine.metric;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The facts that can move the figures of some weeks: those with any moment within the weeks widened
 * by {@link #MARGIN} on both sides — wider than every window a metric looks through (4-week
 * AI-First window, 30-day revert window, 21-day churn window, incident window, the time from first
 * commit to deployment of most changes), and the few deployments outside that its weeks still read
 * ({@link DeploymentWindow}). Used to recompute a few weeks quickly.
 */
public final class FactWindow {

  /** Longer than every look-back or look-ahead window of SPEC §5 (30 days) with room to spare. */
  public static final Duration MARGIN = Duration.ofDays(63);

  private FactWindow() {}

  public static FactSet around(FactSet facts, IsoWeek from, IsoWeek to, ZoneId zone) {
    return cut(facts, from.start(zone).minus(MARGIN), to.end(zone).plus(MARGIN));
  }

  /**
   * The facts that can move the figures of {@code from}..{@code to} of metrics that read nothing
   * after their week ({@link MetricFamily#readsAfterTheWeek}): as {@link #around}, without the
   * margin after {@code to}.
   */
  public static FactSet upTo(FactSet facts, IsoWeek from, IsoWeek to, ZoneId zone) {
    return cut(facts, from.start(zone).minus(MARGIN), to.end(zone));
  }

  private static FactSet cut(FactSet facts, Instant start, Instant end) {
    FactTimes times = facts.times();
    List<CommitFact> commits = times.commits.within(start, end);
    return new FactSet(
        times.pullRequests.within(start, end),
        commits,
        times.attributions.of(commits),
        times.reviews.within(start, end),
        times.ciRuns.within(start, end),
        // the deployments of the window and those before or after it that its weeks still read
        // (a service's first, the one live when the window starts…); every incident, as an
        // incident names deployments of any time and they are few
        facts.deploymentWindow().around(facts.incidents(), start, end),
        facts.incidents(),
        times.usageDays.within(start, end),
        // a seat spans from its assignment on: every one may count in any week
        facts.seats(),
        times.meetingWeeks.within(start, end),
        times.betSignals.within(start, end),
        times.betLearnings.within(start, end),
        times.pulseAnswers.within(start, end));
  }
}
