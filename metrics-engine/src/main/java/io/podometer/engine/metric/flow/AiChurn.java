package io.podometer.engine.metric.flow;

import io.podometer.engine.attribution.AttributionSource;
import io.podometer.engine.attribution.ChangeAttribution;
import io.podometer.engine.attribution.PathGlobs;
import io.podometer.engine.event.EventData.AttributedFile;
import io.podometer.engine.event.EventData.ChangedFile;
import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * AI churn proxy (SPEC §5.3), week of the merge: of the AI-attributed added lines of a merged PR,
 * the share in files another merged PR of the repository changed again within {@link
 * OutcomeWindows#CHURN}. The files are the PR's own (its {@code files}); its AI lines are spread
 * over them as its commits say (line-level data per file; otherwise each AI commit's lines in
 * proportion to its files' added lines), or, when the commits do not say, in proportion to the
 * files' added lines. A PR whose files are unknown cannot be judged and is left out.
 */
final class AiChurn {

  private final EngineContext context;
  private final WeekSlots slots;
  private final ChangeIndex changes;
  private final FileChanges fileChanges;
  private final PathGlobs excludedGlobs;
  private final Map<String, Boolean> excluded = new HashMap<>();

  AiChurn(EngineContext context, WeekSlots slots, ChangeIndex changes, FileChanges fileChanges) {
    this.context = context;
    this.slots = slots;
    this.changes = changes;
    this.fileChanges = fileChanges;
    this.excludedGlobs = new PathGlobs(context.org().org().excludedPaths());
  }

  void emit(PullRequests prs, Consumer<Contribution> out) {
    for (PullRequests.Counted pr : prs.all()) {
      PullRequestFact fact = pr.fact();
      IsoWeek week = slots.weekOf(fact.mergedAt());
      if (week == null || fact.files().isEmpty()) {
        continue;
      }
      List<CommitFact> branch = changes.branchCommits(fact);
      CommitFact landed = changes.landed(fact);
      ChangeAttribution attribution =
          context.attributor().attribute(fact, branch, landed, changes.attributionsBySha());
      if (attribution.aiLines() == 0) {
        continue;
      }
      Instant until = fact.mergedAt().plus(OutcomeWindows.CHURN);
      Map<String, PullRequests.Counted> changedAgain = new TreeMap<>();
      int files = 0;
      for (ChangedFile file : fact.files()) {
        if (counts(file.path(), file.additions())) {
          files++;
          PullRequests.Counted next =
              fileChanges.nextChange(fact.repo(), file.path(), fact.mergedAt(), until);
          if (next != null) {
            changedAgain.put(file.path(), next);
          }
        }
      }
      double ai = attribution.aiLines();
      double num = 0;
      if (!changedAgain.isEmpty() && changedAgain.size() == files) {
        num = ai;
      } else if (!changedAgain.isEmpty()) {
        Map<String, Double> aiByPath = aiByPath(fact, attribution, branch, landed);
        double spread = aiByPath.values().stream().mapToDouble(Double::doubleValue).sum();
        double churned = 0;
        for (String path : changedAgain.keySet()) {
          churned += aiByPath.getOrDefault(path, 0.0);
        }
        num = spread <= 0 ? 0 : ai * churned / spread;
      }
      out.accept(
          Contribution.ratio(
              MetricId.AI_CHURN_PROXY,
              week,
              pr.scopes(),
              num,
              ai,
              pr.person(),
              new Evidence(pr.ref(), rule(fact, attribution, num, until, changedAgain))));
    }
  }

  private static String rule(
      PullRequestFact fact,
      ChangeAttribution attribution,
      double num,
      Instant until,
      Map<String, PullRequests.Counted> changedAgain) {
    StringBuilder rule = new StringBuilder("merged ").append(Times.format(fact.mergedAt()));
    rule.append("; ").append(Math.round(num * 10) / 10.0).append(" of ");
    rule.append(attribution.aiLines()).append(" AI lines (").append(attribution.source().id());
    rule.append(") in files changed again within ").append(OutcomeWindows.CHURN.toDays());
    rule.append(" days (until ").append(Times.format(until)).append(')');
    String separator = ": ";
    for (Map.Entry<String, PullRequests.Counted> file : changedAgain.entrySet()) {
      rule.append(separator).append(file.getKey()).append(" by ").append(file.getValue().ref());
      separator = "; ";
    }
    return rule.toString();
  }

  /** The PR's AI lines by file of the PR (lines; only their proportions matter). */
  private Map<String, Double> aiByPath(
      PullRequestFact pr,
      ChangeAttribution attribution,
      List<CommitFact> branch,
      CommitFact landed) {
    Map<String, Double> byPath = new TreeMap<>();
    if (attribution.source() != AttributionSource.AUTHOR
        && attribution.source() != AttributionSource.DECLARED) {
      List<CommitFact> commits =
          !branch.isEmpty() ? branch : landed != null ? List.of(landed) : List.of();
      if (commits.size() == 1) {
        // the only commit carries every AI line: its files say where they are
        spreadLines(commits.get(0), attribution.source(), attribution.aiLines(), byPath);
      } else {
        for (CommitFact commit : commits) {
          ChangeAttribution decided =
              context
                  .attributor()
                  .commitAttributor()
                  .attribute(commit, changes.attributions(commit.sha()));
          spreadLines(commit, decided.source(), decided.aiLines(), byPath);
        }
      }
      Map<String, Double> inPr = new TreeMap<>();
      for (ChangedFile file : pr.files()) {
        Double lines = byPath.get(file.path());
        if (lines != null) {
          inPr.merge(file.path(), lines, Double::sum);
        }
      }
      if (!inPr.isEmpty()) {
        return inPr;
      }
      byPath.clear();
    }
    for (ChangedFile file : pr.files()) {
      if (counts(file.path(), file.additions())) {
        byPath.merge(file.path(), file.additions().doubleValue(), Double::sum);
      }
    }
    return byPath;
  }

  /**
   * Adds a commit's {@code aiLines} by file: by its line-level or telemetry data when that decided
   * them, else in proportion to its files' added lines.
   */
  private void spreadLines(
      CommitFact commit, AttributionSource source, int aiLines, Map<String, Double> byPath) {
    if (aiLines == 0) {
      return;
    }
    Map<String, Double> lines = new TreeMap<>();
    if (source == AttributionSource.LINE || source == AttributionSource.TELEMETRY) {
      String id = source == AttributionSource.LINE ? "line" : "telemetry";
      for (CommitAttributionFact a : changes.attributions(commit.sha())) {
        if (id.equals(a.source())) {
          for (AttributedFile file : a.files()) {
            if (counts(file.path(), file.aiLines())) {
              lines.merge(file.path(), (double) file.aiLines(), Double::sum);
            }
          }
          break;
        }
      }
    } else {
      for (ChangedFile file : commit.files()) {
        if (counts(file.path(), file.additions())) {
          lines.merge(file.path(), file.additions().doubleValue(), Double::sum);
        }
      }
    }
    double total = lines.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total > 0) {
      lines.forEach((path, n) -> byPath.merge(path, aiLines * n / total, Double::sum));
    }
  }

  /** Whether a file's added lines count: a path outside the excluded globs with added lines. */
  private boolean counts(String path, Integer added) {
    return path != null
        && added != null
        && added > 0
        && !excluded.computeIfAbsent(path, excludedGlobs::matches);
  }
}
