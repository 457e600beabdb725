package io.podometer.engine.detect;

import static io.podometer.engine.detect.Wording.format;
import static io.podometer.engine.detect.Wording.percent;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.DetectorThresholds;
import io.podometer.engine.org.DetectorThresholds.KnowledgeDebt;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code knowledge_debt} (SPEC §6): for {@code weeks} consecutive weeks, {@code
 * shareWithoutTestsOrDocs} or more of a pod's AI-heavy merged PRs ({@code untested_ai_pr_share},
 * whose AI share and size thresholds are the pod's) changed no test and no docs — code nobody wrote
 * down how to trust or understand. A week with fewer than 3 AI-heavy PRs breaks the run. HIGH when
 * every week of the run was at twice the share (capped at all of them). A pod without AI-heavy PRs
 * (or without their files) over the weeks judged is not evaluated.
 */
public final class KnowledgeDebtDetector extends PodDetector<KnowledgeDebt> {

  public static final String ID = "knowledge_debt";

  /** A week with fewer AI-heavy PRs says nothing about the pod's habits: it breaks the run. */
  static final int MIN_PRS = 3;

  public KnowledgeDebtDetector() {
    super(ID, DetectorThresholds::knowledgeDebt);
  }

  @Override
  void judge(DetectionContext context, ScopeId scope, KnowledgeDebt rule, Detections found) {
    boolean anyData = false;
    double high = Math.min(1, 2 * rule.shareWithoutTestsOrDocs());
    for (IsoWeek week : context.weeks()) {
      anyData |= context.value(MetricId.UNTESTED_AI_PR_SHARE, scope, week) != null;
      List<FlagEvidence> evidence = new ArrayList<>();
      boolean fires = rule.weeks() > 0;
      boolean severe = true;
      StringBuilder shares = new StringBuilder();
      for (int back = rule.weeks() - 1; back >= 0 && fires; back--) {
        IsoWeek w = week.plusWeeks(-back);
        Figure share = context.figure(MetricId.UNTESTED_AI_PR_SHARE, scope, w);
        fires =
            share != null
                && share.den() != null
                && share.den() >= MIN_PRS
                && share.value() >= rule.shareWithoutTestsOrDocs() - 1e-9;
        severe &= share != null && share.value() >= high - 1e-9;
        evidence.add(
            new FlagEvidence(
                MetricId.UNTESTED_AI_PR_SHARE, scope, w, share == null ? null : share.value()));
        if (share != null) {
          shares
              .append(shares.length() == 0 ? "" : ", ")
              .append(w)
              .append(' ')
              .append(percent(share.value()))
              .append(" (")
              .append(Math.round(share.num()))
              .append(" of ")
              .append(Math.round(share.den()))
              .append(')');
        }
      }
      if (!fires) {
        continue;
      }
      Map<String, Object> thresholds = new LinkedHashMap<>();
      thresholds.put("aiShareAtLeast", rule.aiShareAtLeast());
      thresholds.put("minAddedLines", rule.minAddedLines());
      thresholds.put("shareWithoutTestsOrDocs", rule.shareWithoutTestsOrDocs());
      thresholds.put("weeks", rule.weeks());
      thresholds.put("testPaths", rule.testPaths());
      thresholds.put("docPaths", rule.docPaths());
      found.flag(
          new Flag(
              ID,
              scope,
              week,
              severe ? Severity.HIGH : Severity.MEDIUM,
              format(
                  "for %d consecutive weeks, %s or more of the AI-heavy merged PRs (AI share %s or"
                      + " more, %d added lines or more) changed no test and no docs: %s",
                  rule.weeks(),
                  percent(rule.shareWithoutTestsOrDocs()),
                  percent(rule.aiShareAtLeast()),
                  rule.minAddedLines(),
                  shares),
              thresholds,
              evidence,
              "Ask for tests and a line of docs with every AI-heavy PR: put it in the repository's"
                  + " agent instructions and the PR template, and have reviewers send back PRs"
                  + " without them."));
    }
    if (!anyData) {
      found.notEvaluated(
          new NotEvaluated(
              ID,
              scope,
              "AI-heavy merged PRs with their files: none for the pod from "
                  + context.from()
                  + " to "
                  + context.to()
                  + " (AI attribution and the PRs' changed files, from GitHub)"));
    }
  }
}
