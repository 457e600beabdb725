package io.podometer.engine.detect;

import static io.podometer.engine.detect.Wording.format;
import static io.podometer.engine.detect.Wording.number;
import static io.podometer.engine.detect.Wording.percent;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.DetectorThresholds;
import io.podometer.engine.org.DetectorThresholds.MetricsGaming;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics_gaming} (SPEC §6): the figures move, the outcomes do not. A week of a pod is
 * flagged when any clause holds, comparing it with the week {@code windowWeeks} before:
 *
 * <ul>
 *   <li>AI code share up {@code aiShareRisePp} points or more while none of lead time, deployment
 *       frequency and change failure rate improved by {@code outcomeImprovement} (each as the mean
 *       of the 4 weeks ending each side, judged only with half of them; one outcome at least);
 *   <li>merged PRs up {@code prCountRise} or more while the median PR size fell by {@code
 *       prSizeDrop} or more and deployments did not rise by {@code outcomeImprovement} (4-week
 *       means; a pod without deployments on either side has flat deployments);
 *   <li>rubber-stamp approvals over {@code rubberStampShare} of the week's approvals;
 *   <li>{@code uncorroboratedShare} or more of the week's PRs whose AI rests on a trailer or a
 *       label alone had no agent use by their author around them ({@code uncorroborated_ai_share},
 *       where the organization reports agent use).
 * </ul>
 *
 * A share — of PRs, of approvals — is judged over 5 of them at least.
 *
 * <p>HIGH when two clauses hold. A pod without merged PRs over the weeks judged is not evaluated.
 */
public final class MetricsGamingDetector extends PodDetector<MetricsGaming> {

  public static final String ID = "metrics_gaming";

  /** Outcomes are compared as means over this many weeks, a single week is too noisy. */
  static final int OUTCOME_WEEKS = 4;

  private static final double EPSILON = 1e-9;

  /** Shares of fewer PRs (or approvals) than this say nothing about a pod's week. */
  static final int MIN_PRS = 5;

  public MetricsGamingDetector() {
    super(ID, DetectorThresholds::metricsGaming);
  }

  @Override
  void judge(DetectionContext context, ScopeId scope, MetricsGaming rule, Detections found) {
    boolean anyData = false;
    for (IsoWeek week : context.weeks()) {
      anyData |=
          context.value(MetricId.THROUGHPUT_PER_ENGINEER, scope, week) != null
              || context.value(MetricId.AI_CODE_SHARE, scope, week) != null
              || context.value(MetricId.UNCORROBORATED_AI_SHARE, scope, week) != null
              || context.value(MetricId.RUBBER_STAMP_APPROVALS, scope, week) != null;
      IsoWeek before = week.plusWeeks(-rule.windowWeeks());
      List<String> clauses = new ArrayList<>();
      List<FlagEvidence> evidence = new ArrayList<>();
      aiShareRise(context, scope, rule, week, before, clauses, evidence);
      smallerPrs(context, scope, rule, week, before, clauses, evidence);
      uncorroborated(context, scope, rule, week, clauses, evidence);
      rubberStamps(context, scope, rule, week, clauses, evidence);
      if (clauses.isEmpty()) {
        continue;
      }
      Map<String, Object> thresholds = new LinkedHashMap<>();
      thresholds.put("aiShareRisePp", rule.aiShareRisePp());
      thresholds.put("windowWeeks", rule.windowWeeks());
      thresholds.put("outcomeImprovement", rule.outcomeImprovement());
      thresholds.put("uncorroboratedShare", rule.uncorroboratedShare());
      thresholds.put("prCountRise", rule.prCountRise());
      thresholds.put("prSizeDrop", rule.prSizeDrop());
      thresholds.put("rubberStampShare", rule.rubberStampShare());
      found.flag(
          new Flag(
              ID,
              scope,
              week,
              clauses.size() >= 2 ? Severity.HIGH : Severity.MEDIUM,
              String.join("; ", clauses),
              thresholds,
              evidence,
              "Talk with the pod about what the figures are for: they steer the work, they are not"
                  + " targets. Look at a few of the PRs behind them together, and judge the pod"
                  + " on lead time, failures and its bets' outcomes."));
    }
    if (!anyData) {
      found.notEvaluated(
          new NotEvaluated(
              ID,
              scope,
              "merged pull requests: no throughput_per_engineer or ai_code_share for the pod from "
                  + context.from()
                  + " to "
                  + context.to()));
    }
  }

  private static void aiShareRise(
      DetectionContext context,
      ScopeId scope,
      MetricsGaming rule,
      IsoWeek week,
      IsoWeek before,
      List<String> clauses,
      List<FlagEvidence> evidence) {
    // a week's share swings with a few large PRs: 4-week means, like the outcomes
    Double share = context.mean(MetricId.AI_CODE_SHARE, scope, week, OUTCOME_WEEKS);
    Double shareBefore = context.mean(MetricId.AI_CODE_SHARE, scope, before, OUTCOME_WEEKS);
    if (share == null
        || shareBefore == null
        || (share - shareBefore) * 100 < rule.aiShareRisePp() - EPSILON) {
      return;
    }
    Outcome lead = outcome(context, MetricId.LEAD_TIME_P50_HOURS, scope, week, before);
    Outcome deploys = outcome(context, MetricId.DEPLOYMENT_FREQUENCY, scope, week, before);
    Outcome failures = outcome(context, MetricId.CHANGE_FAILURE_RATE, scope, week, before);
    if (!lead.judged() && !deploys.judged() && !failures.judged()) {
      return;
    }
    double better = rule.outcomeImprovement();
    boolean improved =
        (lead.judged() && lead.now() <= lead.before() * (1 - better) + EPSILON)
            || (deploys.judged() && deploys.now() >= deploys.before() * (1 + better) - EPSILON)
            || (failures.judged()
                && failures.before() > 0
                && failures.now() <= failures.before() * (1 - better) + EPSILON);
    if (improved) {
      return;
    }
    clauses.add(
        format(
            "AI code share up %s points in %d weeks (%s → %s, 4-week means) while lead time (%s),"
                + " deployment frequency (%s) and change failure rate (%s) did not improve by %s",
            number((share - shareBefore) * 100),
            rule.windowWeeks(),
            percent(shareBefore),
            percent(share),
            lead.words(v -> number(v) + " h"),
            deploys.words(v -> number(v) + " a week"),
            failures.words(Wording::percent),
            percent(better)));
    evidence.add(new FlagEvidence(MetricId.AI_CODE_SHARE, scope, before, shareBefore));
    evidence.add(new FlagEvidence(MetricId.AI_CODE_SHARE, scope, week, share));
    for (MetricId metric :
        List.of(
            MetricId.LEAD_TIME_P50_HOURS,
            MetricId.DEPLOYMENT_FREQUENCY,
            MetricId.CHANGE_FAILURE_RATE)) {
      evidence.add(new FlagEvidence(metric, scope, before, context.value(metric, scope, before)));
      evidence.add(new FlagEvidence(metric, scope, week, context.value(metric, scope, week)));
    }
  }

  private static void smallerPrs(
      DetectionContext context,
      ScopeId scope,
      MetricsGaming rule,
      IsoWeek week,
      IsoWeek before,
      List<String> clauses,
      List<FlagEvidence> evidence) {
    Double merged = mergedMean(context, scope, week);
    Double mergedBefore = mergedMean(context, scope, before);
    Double size = context.mean(MetricId.PR_SIZE_P50, scope, week, OUTCOME_WEEKS);
    Double sizeBefore = context.mean(MetricId.PR_SIZE_P50, scope, before, OUTCOME_WEEKS);
    if (merged == null
        || mergedBefore == null
        || size == null
        || sizeBefore == null
        || mergedBefore == 0
        || merged < mergedBefore * (1 + rule.prCountRise()) - EPSILON
        || size > sizeBefore * (1 - rule.prSizeDrop()) + EPSILON) {
      return;
    }
    double deploys = deploysMean(context, scope, week);
    double deploysBefore = deploysMean(context, scope, before);
    if (deploys >= deploysBefore * (1 + rule.outcomeImprovement()) - EPSILON && deploys > 0) {
      return;
    }
    clauses.add(
        format(
            "merged PRs up %s (%s → %s a week) while the median PR size fell %s (%s → %s lines)"
                + " and deployments stayed flat (%s → %s a week), 4-week means %d weeks apart",
            percent(merged / mergedBefore - 1),
            number(mergedBefore),
            number(merged),
            percent(1 - size / sizeBefore),
            number(sizeBefore),
            number(size),
            number(deploysBefore),
            number(deploys),
            rule.windowWeeks()));
    for (MetricId metric :
        List.of(
            MetricId.THROUGHPUT_PER_ENGINEER,
            MetricId.PR_SIZE_P50,
            MetricId.DEPLOYMENT_FREQUENCY)) {
      evidence.add(new FlagEvidence(metric, scope, before, context.value(metric, scope, before)));
      evidence.add(new FlagEvidence(metric, scope, week, context.value(metric, scope, week)));
    }
  }

  private static void uncorroborated(
      DetectionContext context,
      ScopeId scope,
      MetricsGaming rule,
      IsoWeek week,
      List<String> clauses,
      List<FlagEvidence> evidence) {
    Figure share = context.figure(MetricId.UNCORROBORATED_AI_SHARE, scope, week);
    if (share == null
        || share.value() < rule.uncorroboratedShare() - EPSILON
        || share.den() == null
        || share.den() < MIN_PRS) {
      return;
    }
    clauses.add(
        format(
            "%s of the PRs whose AI rests on a trailer or label alone (%s of %s) had no agent use"
                + " by their author around them (threshold %s)",
            percent(share.value()),
            number(share.num()),
            number(share.den()),
            percent(rule.uncorroboratedShare())));
    evidence.add(new FlagEvidence(MetricId.UNCORROBORATED_AI_SHARE, scope, week, share.value()));
  }

  private static void rubberStamps(
      DetectionContext context,
      ScopeId scope,
      MetricsGaming rule,
      IsoWeek week,
      List<String> clauses,
      List<FlagEvidence> evidence) {
    Double stamps = context.value(MetricId.RUBBER_STAMP_APPROVALS, scope, week);
    Figure stampFigure = context.figure(MetricId.RUBBER_STAMP_APPROVALS, scope, week);
    if (stamps == null
        || stamps <= rule.rubberStampShare() + EPSILON
        || stampFigure.den() == null
        || stampFigure.den() < MIN_PRS) {
      return;
    }
    clauses.add(
        format(
            "rubber-stamp approvals at %s of the week's approvals (over %s)",
            percent(stamps), percent(rule.rubberStampShare())));
    evidence.add(new FlagEvidence(MetricId.RUBBER_STAMP_APPROVALS, scope, week, stamps));
  }

  /** Merged PRs a week over the 4 weeks ending {@code last} (throughput's numerator). */
  private static Double mergedMean(DetectionContext context, ScopeId scope, IsoWeek last) {
    double sum = 0;
    int weeks = 0;
    for (int back = 0; back < OUTCOME_WEEKS; back++) {
      Figure figure =
          context.figure(MetricId.THROUGHPUT_PER_ENGINEER, scope, last.plusWeeks(-back));
      if (figure != null && figure.num() != null) {
        sum += figure.num();
        weeks++;
      }
    }
    return weeks * 2 < OUTCOME_WEEKS || weeks == 0 ? null : sum / weeks;
  }

  /** Deployments a week over the 4 weeks ending {@code last}; a week without any counts 0. */
  private static double deploysMean(DetectionContext context, ScopeId scope, IsoWeek last) {
    double sum = 0;
    for (int back = 0; back < OUTCOME_WEEKS; back++) {
      Double value = context.value(MetricId.DEPLOYMENT_FREQUENCY, scope, last.plusWeeks(-back));
      sum += value == null ? 0 : value;
    }
    return sum / OUTCOME_WEEKS;
  }

  private static Outcome outcome(
      DetectionContext context, MetricId metric, ScopeId scope, IsoWeek week, IsoWeek before) {
    return new Outcome(
        context.mean(metric, scope, week, OUTCOME_WEEKS),
        context.mean(metric, scope, before, OUTCOME_WEEKS));
  }

  /** An outcome's 4-week means now and before; judged only with both. */
  private record Outcome(Double now, Double before) {
    boolean judged() {
      return now != null && before != null;
    }

    String words(java.util.function.DoubleFunction<String> written) {
      return judged() ? written.apply(before) + " → " + written.apply(now) : "no data";
    }
  }
}
