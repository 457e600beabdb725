package io.podometer.engine.detect;

import static io.podometer.engine.detect.Wording.format;
import static io.podometer.engine.detect.Wording.number;
import static io.podometer.engine.detect.Wording.percent;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.DetectorThresholds;
import io.podometer.engine.org.DetectorThresholds.ToolBoltOn;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tool_bolt_on} (SPEC §6): weekly active AI users at {@code activeShare} or more for {@code
 * weeks} consecutive weeks, yet neither lead time (median) nor throughput per engineer improved by
 * {@code improvement} — the means over those weeks against the means of the {@code baselineWeeks}
 * before adoption last crossed {@code adoptionCross} (the tools were handed out, the way of working
 * did not change). An outcome is judged only with half its weeks on both sides; HIGH when both
 * outcomes got worse. A pod whose adoption crossed without outcome figures before it is not
 * evaluated, nor one without adoption figures.
 */
public final class ToolBoltOnDetector extends PodDetector<ToolBoltOn> {

  public static final String ID = "tool_bolt_on";

  /** How far back the crossing of adoption is looked for. */
  private static final int CROSSING_HORIZON_WEEKS = 104;

  public ToolBoltOnDetector() {
    super(ID, DetectorThresholds::toolBoltOn);
  }

  @Override
  void judge(DetectionContext context, ScopeId scope, ToolBoltOn rule, Detections found) {
    boolean anyAdoption = false;
    boolean judged = false;
    String missing = null;
    for (IsoWeek week : context.weeks()) {
      anyAdoption |= context.value(MetricId.WEEKLY_ACTIVE_AI_USERS, scope, week) != null;
      if (rule.weeks() < 1 || !adoptedThrough(context, scope, rule, week)) {
        continue;
      }
      IsoWeek runStart = week.plusWeeks(-(rule.weeks() - 1));
      IsoWeek crossed = crossing(context, scope, rule, runStart);
      IsoWeek baselineLast = crossed.plusWeeks(-1);
      Double leadBefore =
          context.mean(MetricId.LEAD_TIME_P50_HOURS, scope, baselineLast, rule.baselineWeeks());
      Double leadNow = context.mean(MetricId.LEAD_TIME_P50_HOURS, scope, week, rule.weeks());
      Double throughputBefore =
          context.mean(MetricId.THROUGHPUT_PER_ENGINEER, scope, baselineLast, rule.baselineWeeks());
      Double throughputNow =
          context.mean(MetricId.THROUGHPUT_PER_ENGINEER, scope, week, rule.weeks());
      boolean leadJudged = leadBefore != null && leadNow != null && leadBefore > 0;
      boolean throughputJudged =
          throughputBefore != null && throughputNow != null && throughputBefore > 0;
      if (!leadJudged && !throughputJudged) {
        missing =
            format(
                "outcome baseline: no lead_time_p50_hours or throughput_per_engineer in half the"
                    + " %d weeks before adoption crossed %s in %s",
                rule.baselineWeeks(), percent(rule.adoptionCross()), crossed);
        continue;
      }
      judged = true;
      boolean leadImproved = leadJudged && leadNow <= leadBefore * (1 - rule.improvement()) + 1e-9;
      boolean throughputImproved =
          throughputJudged && throughputNow >= throughputBefore * (1 + rule.improvement()) - 1e-9;
      if (leadImproved || throughputImproved) {
        continue;
      }
      boolean bothWorse =
          leadJudged
              && throughputJudged
              && leadNow > leadBefore
              && throughputNow < throughputBefore;
      List<FlagEvidence> evidence = new ArrayList<>();
      for (int back = rule.weeks() - 1; back >= 0; back--) {
        IsoWeek w = week.plusWeeks(-back);
        evidence.add(evidence(context, MetricId.WEEKLY_ACTIVE_AI_USERS, scope, w));
      }
      for (int back = rule.baselineWeeks(); back >= 1; back--) {
        IsoWeek w = crossed.plusWeeks(-back);
        evidence.add(evidence(context, MetricId.LEAD_TIME_P50_HOURS, scope, w));
        evidence.add(evidence(context, MetricId.THROUGHPUT_PER_ENGINEER, scope, w));
      }
      for (int back = rule.weeks() - 1; back >= 0; back--) {
        IsoWeek w = week.plusWeeks(-back);
        evidence.add(evidence(context, MetricId.LEAD_TIME_P50_HOURS, scope, w));
        evidence.add(evidence(context, MetricId.THROUGHPUT_PER_ENGINEER, scope, w));
      }
      Map<String, Object> thresholds = new LinkedHashMap<>();
      thresholds.put("activeShare", rule.activeShare());
      thresholds.put("weeks", rule.weeks());
      thresholds.put("improvement", rule.improvement());
      thresholds.put("baselineWeeks", rule.baselineWeeks());
      thresholds.put("adoptionCross", rule.adoptionCross());
      found.flag(
          new Flag(
              ID,
              scope,
              week,
              bothWorse ? Severity.HIGH : Severity.MEDIUM,
              format(
                  "weekly active AI users at %s or more for %d weeks, yet neither lead time nor"
                      + " throughput improved by %s against the %d weeks before adoption crossed"
                      + " %s (%s): lead time %s h against %s h, throughput %s against %s PRs per"
                      + " engineer",
                  percent(rule.activeShare()),
                  rule.weeks(),
                  percent(rule.improvement()),
                  rule.baselineWeeks(),
                  percent(rule.adoptionCross()),
                  crossed,
                  leadJudged ? number(leadNow) : "n/a",
                  leadJudged ? number(leadBefore) : "n/a",
                  throughputJudged ? number(throughputNow) : "n/a",
                  throughputJudged ? number(throughputBefore) : "n/a"),
              thresholds,
              evidence,
              "Change the work, not only the tools: pick one bottleneck the agents could remove"
                  + " (tests, reviews, deployments), give the pod an Agent Champion and a bet with"
                  + " a single task owner, and measure that bet."));
    }
    if (!anyAdoption) {
      found.notEvaluated(
          new NotEvaluated(
              ID,
              scope,
              "adoption data: no weekly_active_ai_users for the pod from "
                  + context.from()
                  + " to "
                  + context.to()
                  + " (agent usage or AI-attributed changes)"));
    } else if (!judged && missing != null) {
      found.notEvaluated(new NotEvaluated(ID, scope, missing));
    }
  }

  private static boolean adoptedThrough(
      DetectionContext context, ScopeId scope, ToolBoltOn rule, IsoWeek week) {
    for (int back = 0; back < rule.weeks(); back++) {
      Double active = context.value(MetricId.WEEKLY_ACTIVE_AI_USERS, scope, week.plusWeeks(-back));
      if (active == null || active < rule.activeShare() - 1e-9) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first week of the run of weeks, up to {@code week}, with adoption at the crossing share.
   */
  private static IsoWeek crossing(
      DetectionContext context, ScopeId scope, ToolBoltOn rule, IsoWeek week) {
    IsoWeek crossed = week;
    for (int back = 1; back <= CROSSING_HORIZON_WEEKS; back++) {
      Double active = context.value(MetricId.WEEKLY_ACTIVE_AI_USERS, scope, week.plusWeeks(-back));
      if (active == null || active < rule.adoptionCross() - 1e-9) {
        break;
      }
      crossed = week.plusWeeks(-back);
    }
    return crossed;
  }

  private static FlagEvidence evidence(
      DetectionContext context, MetricId metric, ScopeId scope, IsoWeek week) {
    return new FlagEvidence(metric, scope, week, context.value(metric, scope, week));
  }
}
