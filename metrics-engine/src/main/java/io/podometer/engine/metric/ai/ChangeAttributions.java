package io.podometer.engine.metric.ai;

import io.podometer.engine.attribution.AttributionSource;
import io.podometer.engine.attribution.ChangeAttribution;
import io.podometer.engine.attribution.CommitAttributor;
import io.podometer.engine.attribution.PullRequestAttributor;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.ai.SourcedAttribution.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attributes landed changes as the engine's {@link PullRequestAttributor} does, keeping each
 * commit's source: an agent author makes all of a PR AI; else its commits (the branch when known,
 * else the commit its merge produced) are attributed one by one and summed, capped at the PR's
 * added lines strongest source first, so the split by source adds up to the AI lines; else a
 * declared label marks all of it. Each commit is attributed once. Thread-safe: pull requests may be
 * attributed in parallel.
 */
final class ChangeAttributions {

  private static final AttributionSource[] SOURCES = AttributionSource.values();

  private final EngineContext context;
  private final PullRequestAttributor pullRequests;
  private final CommitAttributor commits;
  private final LandedChanges changes;
  private final Set<String> declaredLabels;

  ChangeAttributions(EngineContext context, LandedChanges changes) {
    this.context = context;
    this.pullRequests = context.attributor();
    this.commits = pullRequests.commitAttributor();
    this.changes = changes;
    this.declaredLabels =
        context.org().org().declaredAiLabels().stream()
            .map(label -> label.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
  }

  /** The agent whose branch the PR came from though a person opened it, or null. */
  String branchAgent(PullRequestFact pr) {
    return context.agents().agentForPullRequest(null, pr.headBranch()).orElse(null);
  }

  SourcedAttribution of(CommitFact commit) {
    return SourcedAttribution.of(commits.attribute(commit, changes.attributionsOf(commit)));
  }

  SourcedAttribution of(PullRequestFact pr) {
    return of(
        pr,
        context.agents().agentForPullRequest(pr.author(), pr.headBranch()).orElse(null),
        changes.branchCommits(pr),
        changes.landed(pr));
  }

  /**
   * @param agent the agent tool that authored the PR, null for a person
   * @param branch the PR's own commits, oldest first ({@link LandedChanges#branchCommits})
   * @param landed the commit its merge produced, or null ({@link LandedChanges#landed})
   */
  SourcedAttribution of(
      PullRequestFact pr, String agent, List<CommitFact> branch, CommitFact landed) {
    int added = pullRequests.addedLines(pr);
    if (agent == null) {
      agent = branchAgent(pr);
    }
    if (agent != null) {
      return single(added, added, AttributionSource.AUTHOR, agent);
    }
    List<CommitFact> decided =
        !branch.isEmpty() ? branch : landed != null ? List.of(landed) : List.of();
    int[] lines = null;
    String[] tools = null;
    boolean ai = false;
    for (int i = 0; i < decided.size(); i++) {
      CommitFact commit = decided.get(i);
      ChangeAttribution c = commits.attribute(commit, changes.attributionsOf(commit));
      if (c.isAi()) {
        if (lines == null) {
          lines = new int[SOURCES.length];
          tools = new String[SOURCES.length];
        }
        int s = c.source().ordinal();
        ai |= c.aiLines() > 0;
        lines[s] += c.aiLines();
        if (tools[s] == null) {
          tools[s] = c.tool();
        }
      }
    }
    if (ai) {
      return capped(added, lines, tools);
    }
    return declared(pr)
        ? single(added, added, AttributionSource.DECLARED, null)
        : SourcedAttribution.of(ChangeAttribution.human(added));
  }

  private boolean declared(PullRequestFact pr) {
    if (declaredLabels.isEmpty()) {
      return false;
    }
    for (String label : pr.labels()) {
      if (declaredLabels.contains(label.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** The commits' AI lines by source, capped at the PR's added lines, strongest source first. */
  private static SourcedAttribution capped(int added, int[] lines, String[] tools) {
    List<Part> parts = new ArrayList<>(2);
    int remaining = added;
    int total = 0;
    for (AttributionSource source : SOURCES) {
      int take = Math.min(lines[source.ordinal()], remaining);
      if (take > 0 || parts.isEmpty() && lines[source.ordinal()] > 0) {
        parts.add(new Part(source, take, tools[source.ordinal()]));
        remaining -= take;
        total += take;
      }
    }
    return new SourcedAttribution(added, total, true, parts);
  }

  private static SourcedAttribution single(
      int added, int ai, AttributionSource source, String tool) {
    return new SourcedAttribution(added, ai, true, List.of(new Part(source, ai, tool)));
  }
}
