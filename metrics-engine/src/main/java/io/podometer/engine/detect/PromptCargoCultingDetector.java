package io.podometer.engine.detect;

import static io.podometer.engine.detect.Wording.percent;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.DetectorThresholds;
import io.podometer.engine.org.DetectorThresholds.PromptCargoCulting;
import io.podometer.engine.org.Pod;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code prompt_cargo_culting} (SPEC §6): for {@code weeks} consecutive weeks a pod's agent
 * acceptance rate is under {@code acceptanceRateBelow}, or its edit reject rate over {@code
 * rejectRateAbove}, or its tokens per accepted line over {@code tokensPerAcceptedLineVsMedian}
 * times the median of the organization's pods that week — agents used without the context or the
 * prompts that make their work land. A week without any of those figures breaks the run (it cannot
 * count against the pod). HIGH when two clauses held every week of the run, MEDIUM otherwise. A pod
 * without any of them over the weeks judged is not evaluated: it has no agent telemetry.
 */
public final class PromptCargoCultingDetector extends PodDetector<PromptCargoCulting> {

  public static final String ID = "prompt_cargo_culting";

  // the pods' median of each week, worked out once per run (one context) for every pod
  private DetectionContext mediansOf;
  private Map<IsoWeek, Double> medians;

  public PromptCargoCultingDetector() {
    super(ID, DetectorThresholds::promptCargoCulting);
  }

  @Override
  void judge(DetectionContext context, ScopeId scope, PromptCargoCulting rule, Detections found) {
    if (mediansOf != context) {
      mediansOf = context;
      medians = new HashMap<>();
    }
    boolean anyData = false;
    for (IsoWeek week : context.weeks()) {
      anyData |= judged(context, scope, week);
      List<FlagEvidence> evidence = new ArrayList<>();
      boolean fires = rule.weeks() > 0;
      boolean twoClauses = true;
      for (int back = rule.weeks() - 1; back >= 0 && fires; back--) {
        IsoWeek w = week.plusWeeks(-back);
        Double acceptance = context.value(MetricId.AGENT_ACCEPTANCE_RATE, scope, w);
        Double reject = context.value(MetricId.AGENT_EDIT_REJECT_RATE, scope, w);
        Double tokens = context.value(MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, scope, w);
        Double median = medians.computeIfAbsent(w, m -> podMedian(context, m));
        int clauses = 0;
        clauses += acceptance != null && acceptance < rule.acceptanceRateBelow() ? 1 : 0;
        clauses += reject != null && reject > rule.rejectRateAbove() ? 1 : 0;
        clauses +=
            tokens != null
                    && median != null
                    && tokens > rule.tokensPerAcceptedLineVsMedian() * median
                ? 1
                : 0;
        fires = clauses > 0;
        twoClauses &= clauses >= 2;
        evidence.add(new FlagEvidence(MetricId.AGENT_ACCEPTANCE_RATE, scope, w, acceptance));
        evidence.add(new FlagEvidence(MetricId.AGENT_EDIT_REJECT_RATE, scope, w, reject));
        evidence.add(new FlagEvidence(MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, scope, w, tokens));
      }
      if (fires) {
        // the pods' median is not written out: next to one pod's value it tells another pod's
        found.flag(
            new Flag(
                ID,
                scope,
                week,
                twoClauses ? Severity.HIGH : Severity.MEDIUM,
                String.format(
                    Locale.ROOT,
                    "for %d consecutive weeks, agent acceptance rate under %s, edit reject rate"
                        + " over %s, or tokens per accepted line over %s times the pods' median;"
                        + " this week: acceptance %s, edit rejects %s, %s tokens per accepted line",
                    rule.weeks(),
                    percent(rule.acceptanceRateBelow()),
                    percent(rule.rejectRateAbove()),
                    Wording.number(rule.tokensPerAcceptedLineVsMedian()),
                    shown(context.value(MetricId.AGENT_ACCEPTANCE_RATE, scope, week), true),
                    shown(context.value(MetricId.AGENT_EDIT_REJECT_RATE, scope, week), true),
                    shown(
                        context.value(MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, scope, week),
                        false)),
                Map.of(
                    "acceptanceRateBelow", rule.acceptanceRateBelow(),
                    "rejectRateAbove", rule.rejectRateAbove(),
                    "tokensPerAcceptedLineVsMedian", rule.tokensPerAcceptedLineVsMedian(),
                    "weeks", rule.weeks()),
                evidence,
                "Have the pod's Agent Champion review a few sessions with the engineers: what the"
                    + " agents are asked, with what context (repository instructions, tests to"
                    + " run), and which suggestions are thrown away; share prompts that land."));
      }
    }
    if (!anyData) {
      found.notEvaluated(
          new NotEvaluated(
              ID,
              scope,
              "agent telemetry: no agent_acceptance_rate, agent_edit_reject_rate or"
                  + " agent_tokens_per_accepted_line for the pod from "
                  + context.from()
                  + " to "
                  + context.to()
                  + " (OpenTelemetry exports or vendor reports)"));
    }
  }

  /** Whether the week has any figure the rule reads. */
  private static boolean judged(DetectionContext context, ScopeId scope, IsoWeek week) {
    return context.value(MetricId.AGENT_ACCEPTANCE_RATE, scope, week) != null
        || context.value(MetricId.AGENT_EDIT_REJECT_RATE, scope, week) != null
        || context.value(MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, scope, week) != null;
  }

  /** The median of the pods' tokens per accepted line in the week, or null when none has it. */
  private static Double podMedian(DetectionContext context, IsoWeek week) {
    List<Double> values = new ArrayList<>();
    for (Pod pod : context.org().pods()) {
      Double value =
          context.value(MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, ScopeId.pod(pod.id()), week);
      if (value != null) {
        values.add(value);
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    Collections.sort(values);
    int middle = values.size() / 2;
    return values.size() % 2 == 1
        ? values.get(middle)
        : (values.get(middle - 1) + values.get(middle)) / 2;
  }

  private static String shown(Double value, boolean share) {
    return value == null ? "n/a" : share ? percent(value) : Wording.number(value);
  }
}
