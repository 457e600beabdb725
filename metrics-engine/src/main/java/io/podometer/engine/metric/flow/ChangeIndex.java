package io.podometer.engine.metric.flow;

import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.FactSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins pull requests to their commits and attributions as the AI attribution reads them: a PR's
 * branch commits (those carrying its number, its landed commit left out), its landed commit, and
 * line-level or telemetry attributions by commit sha.
 */
final class ChangeIndex {

  private record PrKey(String repo, int number) {}

  private record ShaKey(String repo, String sha) {}

  private static final Comparator<CommitFact> BY_SHA = Comparator.comparing(CommitFact::sha);

  private final Map<PrKey, List<CommitFact>> byPullRequest = new HashMap<>();
  private final Map<ShaKey, CommitFact> landed = new HashMap<>();
  private final Map<String, List<CommitAttributionFact>> attributions = new HashMap<>();

  ChangeIndex(FactSet facts) {
    Set<String> mergeShas = new HashSet<>();
    for (PullRequestFact pr : facts.pullRequests()) {
      if (pr.mergeCommitSha() != null) {
        mergeShas.add(pr.mergeCommitSha());
      }
    }
    for (CommitFact commit : facts.commits()) {
      if (mergeShas.contains(commit.sha())) {
        landed.put(new ShaKey(commit.repo(), commit.sha()), commit);
      }
      if (commit.prNumber() != null) {
        byPullRequest
            .computeIfAbsent(new PrKey(commit.repo(), commit.prNumber()), k -> new ArrayList<>(2))
            .add(commit);
      }
    }
    for (CommitAttributionFact a : facts.attributions()) {
      attributions.computeIfAbsent(a.sha(), k -> new ArrayList<>(1)).add(a);
    }
  }

  List<CommitFact> branchCommits(PullRequestFact pr) {
    List<CommitFact> commits =
        byPullRequest.getOrDefault(new PrKey(pr.repo(), pr.number()), List.of());
    List<CommitFact> branch = new ArrayList<>(commits.size());
    for (CommitFact commit : commits) {
      if (!commit.sha().equals(pr.mergeCommitSha())) {
        branch.add(commit);
      }
    }
    // one order whatever order the commits arrived in, so fractional sums come out the same
    branch.sort(BY_SHA);
    return branch;
  }

  CommitFact landed(PullRequestFact pr) {
    return pr.mergeCommitSha() == null
        ? null
        : landed.get(new ShaKey(pr.repo(), pr.mergeCommitSha()));
  }

  Map<String, List<CommitAttributionFact>> attributionsBySha() {
    return attributions;
  }

  List<CommitAttributionFact> attributions(String sha) {
    return attributions.getOrDefault(sha, List.of());
  }
}
