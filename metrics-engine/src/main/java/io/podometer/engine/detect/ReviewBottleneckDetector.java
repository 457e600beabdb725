package io.podometer.engine.detect;

import static io.podometer.engine.detect.Wording.format;
import static io.podometer.engine.detect.Wording.number;
import static io.podometer.engine.detect.Wording.percent;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.DetectorThresholds;
import io.podometer.engine.org.DetectorThresholds.ReviewBottleneck;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code review_bottleneck} (SPEC §6): for {@code weeks} consecutive weeks a pod's reviews are slow
 * — median time to first review over {@code pickupHours}, or review wait over {@code pickupShare}
 * of cycle time — and they pile up: the review queue grew over the week (more PRs arrived than got
 * a first review, or left without one) or one reviewer gave over {@code topReviewerShare} of the
 * pod's reviews. A week without its review timing breaks the run. HIGH when the median wait was
 * twice the threshold every week of the run. A pod with no review timing over the weeks judged is
 * not evaluated.
 */
public final class ReviewBottleneckDetector extends PodDetector<ReviewBottleneck> {

  public static final String ID = "review_bottleneck";

  public ReviewBottleneckDetector() {
    super(ID, DetectorThresholds::reviewBottleneck);
  }

  @Override
  void judge(DetectionContext context, ScopeId scope, ReviewBottleneck rule, Detections found) {
    boolean anyData = false;
    for (IsoWeek week : context.weeks()) {
      anyData |=
          context.value(MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, scope, week) != null
              || context.value(MetricId.REVIEW_WAIT_SHARE, scope, week) != null;
      List<FlagEvidence> evidence = new ArrayList<>();
      boolean fires = rule.weeks() > 0;
      boolean farOver = true;
      for (int back = rule.weeks() - 1; back >= 0 && fires; back--) {
        IsoWeek w = week.plusWeeks(-back);
        Double pickup = context.value(MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, scope, w);
        Double waitShare = context.value(MetricId.REVIEW_WAIT_SHARE, scope, w);
        Double queue = context.value(MetricId.REVIEW_QUEUE, scope, w);
        Double queueBefore = context.value(MetricId.REVIEW_QUEUE, scope, w.plusWeeks(-1));
        Double topShare = context.value(MetricId.TOP_REVIEWER_SHARE, scope, w);
        boolean slow =
            (pickup != null && pickup > rule.pickupHours())
                || (waitShare != null && waitShare > rule.pickupShare());
        // an empty queue has no figure: it held no PR at the week's end
        boolean piling = zero(queue) > zero(queueBefore);
        boolean concentrated = topShare != null && topShare > rule.topReviewerShare();
        fires = slow && (piling || concentrated);
        farOver &= pickup != null && pickup > 2 * rule.pickupHours();
        evidence.add(new FlagEvidence(MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, scope, w, pickup));
        evidence.add(new FlagEvidence(MetricId.REVIEW_WAIT_SHARE, scope, w, waitShare));
        evidence.add(new FlagEvidence(MetricId.REVIEW_QUEUE, scope, w.plusWeeks(-1), queueBefore));
        evidence.add(new FlagEvidence(MetricId.REVIEW_QUEUE, scope, w, queue));
        evidence.add(new FlagEvidence(MetricId.TOP_REVIEWER_SHARE, scope, w, topShare));
      }
      if (fires) {
        found.flag(
            new Flag(
                ID,
                scope,
                week,
                farOver ? Severity.HIGH : Severity.MEDIUM,
                format(
                    "for %d consecutive weeks, median time to first review over %s h or review"
                        + " wait over %s of cycle time, while the review queue grew or the top"
                        + " reviewer gave over %s of the reviews; this week: %s",
                    rule.weeks(),
                    number(rule.pickupHours()),
                    percent(rule.pickupShare()),
                    percent(rule.topReviewerShare()),
                    thisWeek(context, scope, week)),
                Map.of(
                    "pickupHours", rule.pickupHours(),
                    "pickupShare", rule.pickupShare(),
                    "topReviewerShare", rule.topReviewerShare(),
                    "weeks", rule.weeks()),
                evidence,
                "Spread the reviewing: pair a second reviewer with the busiest one, agree a"
                    + " pickup time (e.g. same day), and let agents do a first pass on small PRs"
                    + " so people review what matters."));
      }
    }
    if (!anyData) {
      found.notEvaluated(
          new NotEvaluated(
              ID,
              scope,
              "review data: no time_to_first_review_p50_hours or review_wait_share for the pod from "
                  + context.from()
                  + " to "
                  + context.to()
                  + " (pull requests with reviews, from GitHub)"));
    }
  }

  /** The week's own figures, in words. */
  private static String thisWeek(DetectionContext context, ScopeId scope, IsoWeek week) {
    Double pickup = context.value(MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, scope, week);
    Double wait = context.value(MetricId.REVIEW_WAIT_SHARE, scope, week);
    Double top = context.value(MetricId.TOP_REVIEWER_SHARE, scope, week);
    return format(
        "median first review %s, review wait %s of cycle time, queue %s → %s, top reviewer %s",
        pickup == null ? "n/a" : number(pickup) + " h",
        wait == null ? "n/a" : percent(wait),
        number(zero(context.value(MetricId.REVIEW_QUEUE, scope, week.plusWeeks(-1)))),
        number(zero(context.value(MetricId.REVIEW_QUEUE, scope, week))),
        top == null ? "n/a" : percent(top));
  }

  private static double zero(Double value) {
    return value == null ? 0 : value;
  }
}
