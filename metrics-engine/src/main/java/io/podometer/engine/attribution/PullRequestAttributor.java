package io.podometer.engine.attribution;

import io.podometer.engine.event.EventData.ChangedFile;
import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.identity.AgentDirectory;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AI attribution of a merged pull request: its commits' attributions summed and capped at the
 * PR's added lines; an agent author makes all of it AI; a declared label counts when nothing
 * stronger does. Thread-safe.
 */
public final class PullRequestAttributor {

  private final AgentDirectory agents;
  private final PathGlobs excluded;
  private final CommitAttributor commits;
  private final Set<String> declaredLabels;

  public PullRequestAttributor(
      AgentDirectory agents, PathGlobs excluded, Collection<String> declaredLabels) {
    this.agents = agents;
    this.excluded = excluded;
    this.commits = new CommitAttributor(agents, excluded);
    this.declaredLabels =
        declaredLabels.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  public CommitAttributor commitAttributor() {
    return commits;
  }

  /** Added lines of the PR outside excluded paths (lines). */
  public int addedLines(PullRequestFact pr) {
    if (pr.files().isEmpty()) {
      return pr.additions() == null ? 0 : pr.additions();
    }
    int added = 0;
    for (ChangedFile file : pr.files()) {
      if (!excluded.matches(file.path()) && file.additions() != null) {
        added += file.additions();
      }
    }
    return added;
  }

  /**
   * @param branchCommits the PR's own commits (may be empty when unknown)
   * @param landedCommit the commit the merge produced on the default branch, or null
   * @param attributionsBySha line-level and telemetry attributions, by commit sha
   */
  public ChangeAttribution attribute(
      PullRequestFact pr,
      List<CommitFact> branchCommits,
      CommitFact landedCommit,
      Map<String, List<CommitAttributionFact>> attributionsBySha) {
    int added = addedLines(pr);
    var author = agents.agentForPullRequest(pr.author(), pr.headBranch());
    if (author.isPresent()) {
      return new ChangeAttribution(added, added, AttributionSource.AUTHOR, author.get());
    }
    // A squash or rebase merge repeats the branch commits: count the branch when it is known.
    List<CommitFact> changes =
        !branchCommits.isEmpty()
            ? branchCommits
            : landedCommit != null ? List.of(landedCommit) : List.of();
    int ai = 0;
    AttributionSource strongest = AttributionSource.HUMAN;
    String tool = null;
    for (CommitFact commit : changes) {
      ChangeAttribution c =
          commits.attribute(commit, attributionsBySha.getOrDefault(commit.sha(), List.of()));
      if (c.isAi()) {
        ai += c.aiLines();
        if (c.source().ordinal() < strongest.ordinal()) {
          strongest = c.source();
          tool = c.tool();
        }
      }
    }
    if (ai > 0) {
      return new ChangeAttribution(added, Math.min(ai, added), strongest, tool);
    }
    boolean declared =
        pr.labels().stream().anyMatch(l -> declaredLabels.contains(l.toLowerCase(Locale.ROOT)));
    return declared
        ? new ChangeAttribution(added, added, AttributionSource.DECLARED, null)
        : ChangeAttribution.human(added);
  }
}
