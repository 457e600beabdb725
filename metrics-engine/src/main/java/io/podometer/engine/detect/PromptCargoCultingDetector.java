package io.podometer.engine.detect;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.DetectorThresholds.PromptCargoCulting;
import io.podometer.engine.org.Pod;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code prompt_cargo_culting} (SPEC §6): for {@code weeks} consecutive weeks a pod's agent
 * acceptance rate is under {@code acceptanceRateBelow}, or its edit reject rate over {@code
 * rejectRateAbove} — agents used without the context or the prompts that make their work land. A
 * week without either figure breaks the run (it cannot count against the pod). HIGH when both held
 * every week of the run, MEDIUM otherwise. A pod without either figure over the weeks judged is not
 * evaluated: it has no agent telemetry. The third clause of SPEC §6 (tokens per accepted line
 * against the organization's median) is not judged yet.
 */
public final class PromptCargoCultingDetector implements Detector {

  public static final String ID = "prompt_cargo_culting";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void detect(DetectionContext context, Detections found) {
    for (Pod pod : context.org().pods()) {
      detect(context, pod, context.org().thresholdsFor(pod.id()).promptCargoCulting(), found);
    }
  }

  private static void detect(
      DetectionContext context, Pod pod, PromptCargoCulting rule, Detections found) {
    ScopeId scope = ScopeId.pod(pod.id());
    boolean anyData = false;
    for (IsoWeek week = context.from();
        week.compareTo(context.to()) <= 0;
        week = week.plusWeeks(1)) {
      anyData |= judged(context, scope, week) != null;
      List<FlagEvidence> evidence = new ArrayList<>();
      boolean fires = rule.weeks() > 0;
      boolean both = true;
      for (int back = rule.weeks() - 1; back >= 0 && fires; back--) {
        IsoWeek w = week.plusWeeks(-back);
        Double acceptance = context.value(MetricId.AGENT_ACCEPTANCE_RATE, scope, w);
        Double reject = context.value(MetricId.AGENT_EDIT_REJECT_RATE, scope, w);
        boolean lowAcceptance = acceptance != null && acceptance < rule.acceptanceRateBelow();
        boolean highReject = reject != null && reject > rule.rejectRateAbove();
        fires = lowAcceptance || highReject;
        both &= lowAcceptance && highReject;
        evidence.add(new FlagEvidence(MetricId.AGENT_ACCEPTANCE_RATE, scope, w, acceptance));
        evidence.add(new FlagEvidence(MetricId.AGENT_EDIT_REJECT_RATE, scope, w, reject));
      }
      if (fires) {
        found.flag(
            new Flag(
                ID,
                scope,
                week,
                both ? Severity.HIGH : Severity.MEDIUM,
                String.format(
                    Locale.ROOT,
                    "for %d consecutive weeks, agent acceptance rate under %s or edit reject rate"
                        + " over %s",
                    rule.weeks(),
                    percent(rule.acceptanceRateBelow()),
                    percent(rule.rejectRateAbove())),
                Map.of(
                    "acceptanceRateBelow", rule.acceptanceRateBelow(),
                    "rejectRateAbove", rule.rejectRateAbove(),
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
              "agent telemetry: no agent_acceptance_rate or agent_edit_reject_rate for the pod from "
                  + context.from()
                  + " to "
                  + context.to()
                  + " (OpenTelemetry exports or vendor reports)"));
    }
  }

  /** A figure the rule reads in the week, or null when the week has neither. */
  private static Double judged(DetectionContext context, ScopeId scope, IsoWeek week) {
    Double acceptance = context.value(MetricId.AGENT_ACCEPTANCE_RATE, scope, week);
    return acceptance != null
        ? acceptance
        : context.value(MetricId.AGENT_EDIT_REJECT_RATE, scope, week);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", share * 100);
  }
}
