package io.podometer.engine.metric.ai;

import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.FactSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes that can land on a default branch, indexed once per computation: pull requests by
 * number, their branch commits (the squash or merge commit they produced left out, so it is not
 * counted twice), the commit each merge produced, line-level and telemetry attributions by sha, and
 * the non-merge commits that belong to no known pull request and may be on the default branch (on
 * no pull request's head branch, and on a base branch where pull requests name theirs).
 */
final class LandedChanges {

  private static final Comparator<CommitFact> BY_TIME_THEN_SHA =
      Comparator.comparing(
              (CommitFact c) -> c.authoredAt() != null ? c.authoredAt() : c.committedAt(),
              Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(CommitFact::sha);

  private final Map<String, PullRequestFact> pullRequests;
  private final Map<String, List<CommitFact>> byPullRequest;
  private final Map<String, CommitFact> landedCommits;
  private final Map<String, List<CommitAttributionFact>> attributions;
  private final List<CommitFact> withoutPullRequest = new ArrayList<>();

  private final Map<String, Set<String>> headBranches = new HashMap<>();
  private final Map<String, Set<String>> baseBranches = new HashMap<>();

  LandedChanges(FactSet facts) {
    int prs = facts.pullRequests().size();
    pullRequests = new HashMap<>(prs * 2);
    byPullRequest = new HashMap<>(prs * 2);
    landedCommits = new HashMap<>(prs * 2);
    attributions = new HashMap<>(facts.attributions().size() * 2);
    Set<String> landedShas = new HashSet<>(prs * 2);
    for (PullRequestFact pr : facts.pullRequests()) {
      pullRequests.put(pr.repo() + "#" + pr.number(), pr);
      if (pr.headBranch() != null) {
        headBranches.computeIfAbsent(pr.repo(), r -> new HashSet<>()).add(pr.headBranch());
      }
      if (pr.baseBranch() != null) {
        baseBranches.computeIfAbsent(pr.repo(), r -> new HashSet<>()).add(pr.baseBranch());
      }
      if (pr.mergeCommitSha() != null) {
        landedShas.add(pr.repo() + "@" + pr.mergeCommitSha());
      }
    }
    for (CommitFact commit : facts.commits()) {
      String key = commit.repo() + "@" + commit.sha();
      boolean landed = landedShas.contains(key);
      if (landed) {
        landedCommits.put(key, commit);
      }
      String prKey = commit.prNumber() == null ? null : commit.repo() + "#" + commit.prNumber();
      if (prKey != null && pullRequests.containsKey(prKey)) {
        byPullRequest.computeIfAbsent(prKey, k -> new ArrayList<>()).add(commit);
      } else if (!landed && !commit.isMerge()) {
        // a PR number read from a subject with no pull request known (a repository known only
        // through git) leaves the commit a change of its own
        withoutPullRequest.add(commit);
      }
    }
    withoutPullRequest.removeIf(commit -> !mayBeOnDefaultBranch(commit));
    byPullRequest.values().forEach(list -> list.sort(BY_TIME_THEN_SHA));
    for (CommitAttributionFact a : facts.attributions()) {
      attributions.computeIfAbsent(a.sha(), k -> new ArrayList<>()).add(a);
    }
  }

  /**
   * Whether a commit seen without a pull request can be on the default branch: its branch is
   * unknown, or it is no pull request's head branch and, where pull requests name their base
   * branches, one of them.
   */
  private boolean mayBeOnDefaultBranch(CommitFact commit) {
    String branch = commit.branch();
    if (branch == null) {
      return true;
    }
    if (headBranches.getOrDefault(commit.repo(), Set.of()).contains(branch)) {
      return false;
    }
    Set<String> bases = baseBranches.get(commit.repo());
    return bases == null || bases.contains(branch);
  }

  /** The PR's own commits, oldest first, without the commit its merge produced. */
  List<CommitFact> branchCommits(PullRequestFact pr) {
    List<CommitFact> commits = byPullRequest.getOrDefault(pr.repo() + "#" + pr.number(), List.of());
    if (pr.mergeCommitSha() == null) {
      return commits;
    }
    List<CommitFact> branch = new ArrayList<>(commits.size());
    for (CommitFact commit : commits) {
      if (!commit.sha().equals(pr.mergeCommitSha())) {
        branch.add(commit);
      }
    }
    return branch;
  }

  /** The commit the PR's merge produced on the default branch, or null when unknown. */
  CommitFact landed(PullRequestFact pr) {
    return pr.mergeCommitSha() == null
        ? null
        : landedCommits.get(pr.repo() + "@" + pr.mergeCommitSha());
  }

  /** Line-level and telemetry attributions by commit sha (as the attributors read them). */
  Map<String, List<CommitAttributionFact>> attributionsBySha() {
    return attributions;
  }

  List<CommitAttributionFact> attributionsOf(CommitFact commit) {
    return attributions.getOrDefault(commit.sha(), List.of());
  }

  /**
   * Non-merge commits belonging to no known pull request, produced by no merge, that may be on the
   * default branch.
   */
  List<CommitFact> withoutPullRequest() {
    return withoutPullRequest;
  }
}
