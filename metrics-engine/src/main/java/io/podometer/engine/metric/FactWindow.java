package io.podometer.engine.metric;

import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.event.EventData.BetLearning;
import io.podometer.engine.event.EventData.BetSignal;
import io.podometer.engine.event.EventData.MeetingSummary;
import io.podometer.engine.event.EventData.PulseScore;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

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
    Predicate<Instant> in = t -> t != null && !t.isBefore(start) && t.isBefore(end);
    return new FactSet(
        keep(
            facts.pullRequests(),
            (PullRequestFact p) ->
                in.test(p.createdAt())
                    || in.test(p.mergedAt())
                    || in.test(p.closedAt())
                    || in.test(p.readyForReviewAt())
                    || in.test(p.updatedAt())
                    || p.state() == PullRequestFact.State.OPEN
                        && p.createdAt() != null
                        && p.createdAt().isBefore(end)),
        keep(
            facts.commits(), (CommitFact c) -> in.test(c.committedAt()) || in.test(c.authoredAt())),
        facts.attributions(),
        keep(facts.reviews(), r -> in.test(r.submittedAt())),
        keep(facts.ciRuns(), r -> in.test(r.completedAt())),
        // every deployment and incident: a service's coverage starts with its first deployment
        // ever, and a failure's recovery may come after a long silence
        facts.deployments(),
        facts.incidents(),
        keep(facts.usageDays(), (AgentUsage u) -> in.test(u.day().atStartOfDay(zone).toInstant())),
        keep(
            facts.meetingWeeks(),
            (MeetingSummary m) -> in.test(IsoWeek.parse(m.week()).start(zone))),
        keep(facts.betSignals(), (BetSignal s) -> in.test(s.at())),
        keep(facts.betLearnings(), (BetLearning l) -> in.test(l.at())),
        keep(facts.pulseAnswers(), (PulseScore p) -> in.test(IsoWeek.parse(p.week()).start(zone))));
  }

  private static <T> List<T> keep(List<T> facts, Predicate<T> test) {
    return facts.stream().filter(test).toList();
  }
}
