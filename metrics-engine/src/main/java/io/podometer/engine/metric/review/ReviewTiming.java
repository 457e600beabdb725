package io.podometer.engine.metric.review;

import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.flow.PullRequests;
import io.podometer.engine.metric.flow.Times;
import io.podometer.engine.metric.flow.WeekSlots;
import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Review flow timing, for the PR's pod: time to first review (ready for review → first review by a
 * human other than the author; hours; week of that review) and review-wait share (Σ pickup / Σ
 * cycle, ready → merge, in hours, over the week's merged PRs that were reviewed before merging).
 */
final class ReviewTiming {

  private final WeekSlots slots;
  private final ReviewIndex reviews;

  ReviewTiming(WeekSlots slots, ReviewIndex reviews) {
    this.slots = slots;
    this.reviews = reviews;
  }

  void emit(PullRequests prs, Consumer<Contribution> out) {
    for (PullRequests.Counted pr : prs.all()) {
      Instant ready = ReviewIndex.readyAt(pr.fact());
      if (ready == null) {
        continue;
      }
      ReviewFact first = reviews.firstReview(pr);
      if (first != null) {
        firstReview(pr, ready, first, out);
      }
      waitShare(pr, ready, first, out);
    }
  }

  private void firstReview(
      PullRequests.Counted pr, Instant ready, ReviewFact first, Consumer<Contribution> out) {
    IsoWeek week = slots.weekOf(first.submittedAt());
    if (week == null) {
      return;
    }
    // a review given while the PR was still a draft means nobody waited once it was ready
    double hours = Math.max(0, hours(ready, first.submittedAt()));
    Evidence evidence =
        Evidence.lazily(
            pr.ref(),
            () ->
                "ready for review "
                    + Times.format(ready)
                    + "; first review "
                    + Times.format(first.submittedAt())
                    + ": "
                    + Times.hours(hours)
                    + " h");
    out.accept(
        Contribution.sample(
            MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS,
            week,
            pr.scopes(),
            hours,
            pr.person(),
            evidence));
    out.accept(
        Contribution.sample(
            MetricId.TIME_TO_FIRST_REVIEW_P90_HOURS,
            week,
            pr.scopes(),
            hours,
            pr.person(),
            evidence));
  }

  private void waitShare(
      PullRequests.Counted pr, Instant ready, ReviewFact first, Consumer<Contribution> out) {
    PullRequestFact fact = pr.fact();
    if (fact.mergedAt() == null
        || first == null
        || first.submittedAt().isAfter(fact.mergedAt())
        || ready.isAfter(fact.mergedAt())) {
      return;
    }
    IsoWeek week = slots.weekOf(fact.mergedAt());
    if (week == null) {
      return;
    }
    double pickup = Math.max(0, hours(ready, first.submittedAt()));
    double cycle = hours(ready, fact.mergedAt());
    out.accept(
        Contribution.ratio(
            MetricId.REVIEW_WAIT_SHARE,
            week,
            pr.scopes(),
            pickup,
            cycle,
            pr.person(),
            Evidence.lazily(
                pr.ref(),
                () ->
                    "merged "
                        + Times.format(fact.mergedAt())
                        + "; waited "
                        + Times.hours(pickup)
                        + " h for a first review of a "
                        + Times.hours(cycle)
                        + " h cycle from ready for review")));
  }

  static double hours(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 3_600_000.0;
  }
}
