package io.podometer.engine.detect;

import static io.podometer.engine.detect.Wording.format;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.Pod;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import java.util.Map;

/**
 * {@code security_shortcuts} (SPEC §6): any week a pod's {@code security_shortcuts} counts one — an
 * agent's PR merged without a human approval, an AI-made change to a sensitive path without a
 * security reviewer's approval, an AI-attributed commit pushed to the default branch without a PR,
 * or an agent run in a mode that bypasses its permissions. HIGH from two in a week. A pod whose
 * {@code requireHumanApproval} is false is not judged (its agents may merge on their own); a pod
 * that merged nothing over the weeks judged is not evaluated.
 */
public final class SecurityShortcutsDetector implements Detector {

  public static final String ID = "security_shortcuts";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void detect(DetectionContext context, Detections found) {
    for (Pod pod : context.org().pods()) {
      if (!context.org().thresholdsFor(pod.id()).securityShortcuts().requireHumanApproval()) {
        continue;
      }
      ScopeId scope = ScopeId.pod(pod.id());
      boolean merged = false;
      for (IsoWeek week : context.weeks()) {
        merged |= context.value(MetricId.THROUGHPUT_PER_ENGINEER, scope, week) != null;
        Figure shortcuts = context.figure(MetricId.SECURITY_SHORTCUTS, scope, week);
        if (shortcuts == null || shortcuts.value() < 1) {
          continue;
        }
        int count = (int) Math.round(shortcuts.value());
        found.flag(
            new Flag(
                ID,
                scope,
                week,
                count >= 2 ? Severity.HIGH : Severity.MEDIUM,
                format(
                    "%d security shortcut%s in the week: agent work merged without a human"
                        + " approval, sensitive paths changed without a security reviewer, AI"
                        + " commits pushed past review, or agents run with their permissions"
                        + " bypassed",
                    count, count == 1 ? "" : "s"),
                Map.of("requireHumanApproval", true),
                List.of(
                    new FlagEvidence(MetricId.SECURITY_SHORTCUTS, scope, week, shortcuts.value())),
                "Protect the default branch (required reviews, no direct pushes), require a human"
                    + " approval on agents' PRs and a security reviewer on sensitive paths"
                    + " (CODEOWNERS), and keep agents in modes that ask before acting."));
      }
      if (!merged) {
        found.notEvaluated(
            new NotEvaluated(
                ID,
                scope,
                "merged pull requests: none for the pod from "
                    + context.from()
                    + " to "
                    + context.to()));
      }
    }
  }
}
