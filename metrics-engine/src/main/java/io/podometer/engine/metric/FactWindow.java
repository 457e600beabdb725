package io.podometer.engine.metric;

import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The facts that can move the figures of some weeks: those with any moment within the weeks widened
 * by {@link #MARGIN} on both sides — wider than every window a metric looks through (4-week
 * AI-First window, 30-day revert window, 21-day churn window, incident window, the time from first
 * commit to deployment of most changes). Used to recompute a few weeks quickly.
 */
public final class FactWindow {

  /** Longer than every look-back or look-ahead window of SPEC §5 (30 days) with room to spare. */
  public static final Duration MARGIN = Duration.ofDays(63);

  private FactWindow() {}

  public static FactSet around(FactSet facts, IsoWeek from, IsoWeek to, ZoneId zone) {
    Instant start = from.start(zone).minus(MARGIN);
    Instant end = to.end(zone).plus(MARGIN);
    FactTimes times = facts.times();
    return new FactSet(
        times.pullRequests.within(start, end),
        times.commits.within(start, end),
        facts.attributions(),
        times.reviews.within(start, end),
        times.ciRuns.within(start, end),
        // every deployment and incident: a service's coverage starts with its first deployment
        // ever, and a failure's recovery may come after a long silence
        facts.deployments(),
        facts.incidents(),
        times.usageDays.within(start, end),
        times.meetingWeeks.within(start, end),
        times.betSignals.within(start, end),
        times.betLearnings.within(start, end),
        times.pulseAnswers.within(start, end));
  }
}
