package io.podometer.engine.detect;

import static io.podometer.engine.detect.Wording.format;
import static io.podometer.engine.detect.Wording.number;
import static io.podometer.engine.detect.Wording.percent;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.DetectorThresholds;
import io.podometer.engine.org.DetectorThresholds.JuniorPipelineHollowing;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code junior_pipeline_hollowing} (SPEC §6), about a pod's juniors as a group: in a week, the
 * reviews they gave fell by {@code reviewDrop} or more against the mean of the {@code
 * baselineWeeks} before (judged with half of those weeks, and a baseline above zero), or they wrote
 * under {@code humanShareBelow} of their merged lines by hand, or every approved PR of theirs was
 * approved by agents only (these two over 5 PRs at least) — juniors who stop learning by reviewing
 * and writing. HIGH when two clauses hold. A pod without juniors, or with fewer than the privacy
 * floor, is not evaluated.
 */
public final class JuniorPipelineHollowingDetector extends PodDetector<JuniorPipelineHollowing> {

  public static final String ID = "junior_pipeline_hollowing";

  private static final double EPSILON = 1e-9;

  /** The juniors' merged PRs a share needs before it says anything about them as a group. */
  static final int MIN_PRS = 5;

  private static Double sampled(io.podometer.engine.figure.Figure figure) {
    return figure == null || figure.n() < MIN_PRS ? null : figure.value();
  }

  public JuniorPipelineHollowingDetector() {
    super(ID, DetectorThresholds::juniorPipelineHollowing);
  }

  @Override
  void judge(
      DetectionContext context, ScopeId scope, JuniorPipelineHollowing rule, Detections found) {
    boolean anyData = false;
    boolean withheld = false;
    for (IsoWeek week : context.weeks()) {
      Figure raw =
          context.figures().apply(new FigureKey(MetricId.JUNIOR_REVIEWS_GIVEN, scope, week));
      withheld |= raw != null && raw.withheld() != null;
      Double reviews = context.value(MetricId.JUNIOR_REVIEWS_GIVEN, scope, week);
      // shares of fewer PRs than this would speak of one junior's week, not of the juniors
      Double human = sampled(context.figure(MetricId.JUNIOR_HUMAN_SHARE, scope, week));
      Double agentsOnly =
          sampled(context.figure(MetricId.JUNIOR_AGENT_ONLY_APPROVALS, scope, week));
      anyData |= reviews != null || human != null;
      List<String> clauses = new ArrayList<>();
      List<FlagEvidence> evidence = new ArrayList<>();
      Double baseline =
          context.mean(
              MetricId.JUNIOR_REVIEWS_GIVEN, scope, week.plusWeeks(-1), rule.baselineWeeks());
      if (reviews != null
          && baseline != null
          && baseline > 0
          && reviews <= baseline * (1 - rule.reviewDrop()) + EPSILON) {
        clauses.add(
            format(
                "the juniors gave %s reviews, %s fewer than the %s a week of the %d weeks before"
                    + " (threshold %s)",
                number(reviews),
                percent(1 - reviews / baseline),
                number(baseline),
                rule.baselineWeeks(),
                percent(rule.reviewDrop())));
        for (int back = rule.baselineWeeks(); back >= 1; back--) {
          IsoWeek w = week.plusWeeks(-back);
          evidence.add(
              new FlagEvidence(
                  MetricId.JUNIOR_REVIEWS_GIVEN,
                  scope,
                  w,
                  context.value(MetricId.JUNIOR_REVIEWS_GIVEN, scope, w)));
        }
        evidence.add(new FlagEvidence(MetricId.JUNIOR_REVIEWS_GIVEN, scope, week, reviews));
      }
      if (human != null && human < rule.humanShareBelow() - EPSILON) {
        clauses.add(
            format(
                "the juniors wrote %s of their merged lines by hand (under %s)",
                percent(human), percent(rule.humanShareBelow())));
        evidence.add(new FlagEvidence(MetricId.JUNIOR_HUMAN_SHARE, scope, week, human));
      }
      if (agentsOnly != null && agentsOnly >= 1 - EPSILON) {
        clauses.add("every approved PR of the juniors was approved by agents only");
        evidence.add(
            new FlagEvidence(MetricId.JUNIOR_AGENT_ONLY_APPROVALS, scope, week, agentsOnly));
      }
      if (clauses.isEmpty()) {
        continue;
      }
      Map<String, Object> thresholds = new LinkedHashMap<>();
      thresholds.put("reviewDrop", rule.reviewDrop());
      thresholds.put("humanShareBelow", rule.humanShareBelow());
      thresholds.put("baselineWeeks", rule.baselineWeeks());
      found.flag(
          new Flag(
              ID,
              scope,
              week,
              clauses.size() >= 2 ? Severity.HIGH : Severity.MEDIUM,
              String.join("; ", clauses),
              thresholds,
              evidence,
              "Keep juniors learning: pair each with a senior reviewer, have them review agents'"
                  + " PRs and write part of their work by hand, and ask a person to approve their"
                  + " PRs."));
    }
    if (!anyData) {
      found.notEvaluated(
          new NotEvaluated(
              ID,
              scope,
              withheld
                  ? "juniors: the pod has fewer juniors than the privacy floor, so their figures"
                      + " are withheld"
                  : "juniors: no engineer of the pod at or under the junior level (members'"
                      + " levels and juniorLevelAtMost in the organization model)"));
    }
  }
}
