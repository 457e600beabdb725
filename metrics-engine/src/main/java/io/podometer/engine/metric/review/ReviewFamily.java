package io.podometer.engine.metric.review;

import io.podometer.engine.event.FactKind;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.MetricFamily;
import io.podometer.engine.metric.flow.People;
import io.podometer.engine.metric.flow.PullRequests;
import io.podometer.engine.metric.flow.WeekSlots;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Review health (SPEC §5.2 "Review"). Review timing starts when the PR is ready for review; a
 * review counts only when a human other than the PR's author gave it (agents, bots and the author
 * themselves do not review a PR). Flow figures (time to first review, review-wait share, review
 * queue, unreviewed merges, rubber-stamp approvals) count for the PR's pod; load figures
 * (top-reviewer share, review-load Gini) for the reviewer's pod. Stateless and thread-safe.
 */
public final class ReviewFamily implements MetricFamily {

  private static final Set<FactKind> READS = FactKind.changesAnd();

  private static final Set<MetricId> METRICS =
      Collections.unmodifiableSet(
          EnumSet.of(
              MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS,
              MetricId.TIME_TO_FIRST_REVIEW_P90_HOURS,
              MetricId.REVIEW_WAIT_SHARE,
              MetricId.TOP_REVIEWER_SHARE,
              MetricId.REVIEW_LOAD_GINI,
              MetricId.REVIEW_QUEUE,
              MetricId.UNREVIEWED_MERGES,
              MetricId.RUBBER_STAMP_APPROVALS));

  public ReviewFamily() {}

  @Override
  public Set<MetricId> metrics() {
    return METRICS;
  }

  @Override
  public Set<FactKind> reads() {
    return READS;
  }

  @Override
  public void contribute(EngineContext context, Consumer<Contribution> out) {
    People people = People.of(context);
    PullRequests prs = PullRequests.of(context);
    ReviewIndex reviews = new ReviewIndex(context.facts().reviews(), prs, people);
    WeekSlots slots = new WeekSlots(context);
    new ReviewTiming(slots, reviews).emit(prs, out);
    new ReviewQueue(context, slots, reviews).emit(prs, out);
    new Approvals(slots, reviews).emit(prs, out);
    new ReviewLoad(context, slots, reviews).emit(out);
  }
}
