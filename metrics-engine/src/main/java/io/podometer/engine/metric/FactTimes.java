package io.podometer.engine.metric;

import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.event.EventData.BetLearning;
import io.podometer.engine.event.EventData.BetSignal;
import io.podometer.engine.event.EventData.MeetingSummary;
import io.podometer.engine.event.EventData.PulseScore;
import io.podometer.engine.fact.CiRunFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The facts of a {@link FactSet} by moment, so that a window of weeks is found by a binary search
 * instead of a scan of every fact. Each fact spans its earliest to its latest moment; a window
 * keeps those whose span meets it — every fact with a moment inside, and possibly a few spanning
 * it, which are real facts and can only bring a windowed computation closer to the full one. Days
 * and weeks (usage, meetings, pulse) are widened by a day on each side so that any time zone's
 * reading of them is inside.
 */
final class FactTimes {

  private static final long DAY = 86_400_000L;

  final Timeline<PullRequestFact> pullRequests;
  final Timeline<CommitFact> commits;
  final Timeline<ReviewFact> reviews;
  final Timeline<CiRunFact> ciRuns;
  final Timeline<AgentUsage> usageDays;
  final Timeline<MeetingSummary> meetingWeeks;
  final Timeline<BetSignal> betSignals;
  final Timeline<BetLearning> betLearnings;
  final Timeline<PulseScore> pulseAnswers;
  final AttributionsBySha attributions;

  /**
   * The index of {@code base}'s facts with those in {@code stale} (by identity) gone and {@code
   * added}'s facts in: what a window finds equals an index built anew, without sorting every fact
   * again after each change.
   */
  FactTimes(FactTimes base, java.util.Set<Object> stale, FactSet added) {
    FactTimes extra = new FactTimes(added);
    pullRequests = base.pullRequests.overlaid(stale, extra.pullRequests);
    commits = base.commits.overlaid(stale, extra.commits);
    reviews = base.reviews.overlaid(stale, extra.reviews);
    ciRuns = base.ciRuns.overlaid(stale, extra.ciRuns);
    usageDays = base.usageDays.overlaid(stale, extra.usageDays);
    meetingWeeks = base.meetingWeeks.overlaid(stale, extra.meetingWeeks);
    betSignals = base.betSignals.overlaid(stale, extra.betSignals);
    betLearnings = base.betLearnings.overlaid(stale, extra.betLearnings);
    pulseAnswers = base.pulseAnswers.overlaid(stale, extra.pulseAnswers);
    attributions = base.attributions.overlaid(stale, extra.attributions);
  }

  FactTimes(FactSet facts) {
    pullRequests = new Timeline<>(facts.pullRequests(), FactTimes::span);
    commits = new Timeline<>(facts.commits(), c -> span(c.committedAt(), c.authoredAt()));
    reviews = new Timeline<>(facts.reviews(), r -> span(r.submittedAt()));
    ciRuns = new Timeline<>(facts.ciRuns(), r -> span(r.completedAt()));
    usageDays =
        new Timeline<>(
            facts.usageDays(),
            u -> {
              long day = u.day().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
              return new long[] {day - DAY, day + 2 * DAY};
            });
    meetingWeeks = new Timeline<>(facts.meetingWeeks(), m -> week(m.week()));
    betSignals = new Timeline<>(facts.betSignals(), s -> span(s.at()));
    betLearnings = new Timeline<>(facts.betLearnings(), l -> span(l.at()));
    pulseAnswers = new Timeline<>(facts.pulseAnswers(), p -> week(p.week()));
    attributions = new AttributionsBySha(facts.attributions());
  }

  /**
   * The earliest moment of the facts kept by time (epoch millis), or Long.MAX_VALUE when there is
   * none. Deployments, incidents and seats are not among them.
   */
  long first() {
    long first = Long.MAX_VALUE;
    for (Timeline<?> timeline :
        List.of(
            pullRequests,
            commits,
            reviews,
            ciRuns,
            usageDays,
            meetingWeeks,
            betSignals,
            betLearnings,
            pulseAnswers)) {
      first = Math.min(first, timeline.first());
    }
    return first;
  }

  private static long[] span(PullRequestFact pr) {
    long[] span =
        span(pr.createdAt(), pr.mergedAt(), pr.closedAt(), pr.readyForReviewAt(), pr.updatedAt());
    if (span != null && pr.state() == PullRequestFact.State.OPEN && pr.createdAt() != null) {
      // an open pull request waits in every week's review queue from its creation on
      span[1] = Long.MAX_VALUE;
    }
    return span;
  }

  private static long[] week(String text) {
    return IsoWeek.tryParse(text)
        .map(
            w -> {
              long monday = w.start(ZoneOffset.UTC).toEpochMilli();
              return new long[] {monday - DAY, monday + 8 * DAY};
            })
        .orElse(null);
  }

  /** {earliest, latest} of the non-null moments, or null when there is none. */
  private static long[] span(Instant... moments) {
    long earliest = Long.MAX_VALUE;
    long latest = Long.MIN_VALUE;
    for (Instant moment : moments) {
      if (moment != null) {
        long at = moment.toEpochMilli();
        earliest = Math.min(earliest, at);
        latest = Math.max(latest, at);
      }
    }
    return earliest == Long.MAX_VALUE ? null : new long[] {earliest, latest};
  }

  /** Facts sorted by their latest moment, with their earliest: a window is a suffix, filtered. */
  static final class Timeline<T> {

    private final List<T> facts;
    private final long[] earliest;
    private final long[] latest;
    private final long first;
    // an overlay: facts of this timeline no longer current, and a timeline of facts added since
    private final java.util.Set<Object> stale;
    private final Timeline<T> added;

    private Timeline(Timeline<T> base, java.util.Set<Object> stale, Timeline<T> added) {
      this.facts = base.facts;
      this.earliest = base.earliest;
      this.latest = base.latest;
      this.stale = stale;
      this.added = added;
      // a fact gone stale may leave it earlier than the facts current: a hint, not a bound
      this.first = Math.min(base.first, added.first);
    }

    Timeline<T> overlaid(java.util.Set<Object> stale, Timeline<T> added) {
      return new Timeline<>(this, stale, added);
    }

    Timeline(List<T> all, Function<T, long[]> spanOf) {
      record Spanned<T>(T fact, long earliest, long latest) {}
      List<Spanned<T>> spanned = new ArrayList<>(all.size());
      for (T fact : all) {
        long[] span = spanOf.apply(fact);
        if (span != null) {
          spanned.add(new Spanned<>(fact, span[0], span[1]));
        }
      }
      spanned.sort(Comparator.comparingLong(Spanned::latest));
      facts = new ArrayList<>(spanned.size());
      earliest = new long[spanned.size()];
      latest = new long[spanned.size()];
      stale = java.util.Set.of();
      added = null;
      long soonest = Long.MAX_VALUE;
      for (int i = 0; i < spanned.size(); i++) {
        facts.add(spanned.get(i).fact());
        earliest[i] = spanned.get(i).earliest();
        latest[i] = spanned.get(i).latest();
        soonest = Math.min(soonest, earliest[i]);
      }
      first = soonest;
    }

    /** The earliest moment of its facts (epoch millis; Long.MAX_VALUE when it has none). */
    long first() {
      return first;
    }

    /** The facts with a moment in [start, end) (and a few spanning it). */
    List<T> within(Instant start, Instant end) {
      long from = start.toEpochMilli();
      long until = end.toEpochMilli();
      int first = Arrays.binarySearch(latest, from);
      if (first < 0) {
        first = -first - 1;
      } else {
        while (first > 0 && latest[first - 1] == from) {
          first--;
        }
      }
      List<T> kept = new ArrayList<>();
      for (int i = first; i < facts.size(); i++) {
        if (earliest[i] < until && (stale.isEmpty() || !stale.contains(facts.get(i)))) {
          kept.add(facts.get(i));
        }
      }
      if (added != null) {
        kept.addAll(added.within(start, end));
      }
      return kept;
    }
  }
}
