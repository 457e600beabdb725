package io.podometer.engine.metric.ai;

import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.FactSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The changes that can land on a default branch, indexed once per computation: pull requests by
 * number, their branch commits (the squash or merge commit they produced left out, so it is not
 * counted twice), the commit each merge produced, line-level and telemetry attributions by sha, and
 * the non-merge commits that belong to no known pull request and may be on the default branch (on
 * no pull request's head branch, and on a base branch where pull requests name theirs).
 */
final class LandedChanges {

  /** Oldest first (authored, else committed; unknown last), then by sha. */
  private static final Comparator<CommitFact> BY_TIME_THEN_SHA =
      (a, b) -> {
        Instant x = a.authoredAt() != null ? a.authoredAt() : a.committedAt();
        Instant y = b.authoredAt() != null ? b.authoredAt() : b.committedAt();
        if (x != y) {
          if (x == null) {
            return 1;
          }
          if (y == null) {
            return -1;
          }
          int byTime = x.compareTo(y);
          if (byTime != 0) {
            return byTime;
          }
        }
        return a.sha().compareTo(b.sha());
      };

  /** A pull request's key; equality written out, as it is looked up for every commit. */
  private record PullRequestKey(String repo, int number) {
    @Override
    public boolean equals(Object other) {
      return other instanceof PullRequestKey key
          && number == key.number
          && Objects.equals(repo, key.repo);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(repo) + number;
    }
  }

  /**
   * The repositories whose pull requests merged into one sha, with the commit when known: most shas
   * are in one repository, a fork's merges may repeat them in another.
   */
  private static final class Landing {
    final String repo;
    CommitFact commit;
    Landing next;

    Landing(String repo, Landing next) {
      this.repo = repo;
      this.next = next;
    }

    Landing in(String inRepo) {
      for (Landing l = this; l != null; l = l.next) {
        if (Objects.equals(l.repo, inRepo)) {
          return l;
        }
      }
      return null;
    }
  }

  // every known pull request, with no commits as the shared empty list
  private final Map<PullRequestKey, List<CommitFact>> byPullRequest;
  // keyed by sha alone: every commit is looked up, and its sha's hash serves the attributions too
  private final Map<String, Landing> landings;
  private final Map<String, List<CommitAttributionFact>> attributions;
  private final List<CommitFact> withoutPullRequest = new ArrayList<>();

  // whether two commit facts have one sha in one repository (facts folded by key never do)
  private boolean repeatedLandings;

  // Loops call a method per item: a computation runs once, so the item's work gets compiled
  // after a few hundred items while a loop body would stay interpreted for tens of thousands.
  LandedChanges(FactSet facts) {
    List<PullRequestFact> pullRequests = facts.pullRequests();
    int prs = pullRequests.size();
    byPullRequest = new HashMap<>(prs * 2);
    landings = new HashMap<>(prs * 2);
    attributions = new HashMap<>(facts.attributions().size() * 2);
    for (PullRequestFact pr : pullRequests) {
      add(pr);
    }
    List<CommitFact> own = new ArrayList<>();
    for (CommitFact commit : facts.commits()) {
      add(commit, own);
    }
    withoutPullRequest.addAll(DefaultBranch.mayHold(own, pullRequests));
    for (List<CommitFact> commits : byPullRequest.values()) {
      sortOldestFirst(commits);
    }
    for (CommitAttributionFact a : facts.attributions()) {
      attributions.computeIfAbsent(a.sha(), k -> new ArrayList<>(1)).add(a);
    }
  }

  private void add(PullRequestFact pr) {
    byPullRequest.put(new PullRequestKey(pr.repo(), pr.number()), List.of());
    String sha = pr.mergeCommitSha();
    if (sha != null) {
      Landing first = landings.get(sha);
      if (first == null || first.in(pr.repo()) == null) {
        landings.put(sha, new Landing(pr.repo(), first));
      }
    }
  }

  private void add(CommitFact commit, List<CommitFact> own) {
    Landing landing = landings.get(commit.sha());
    if (landing != null) {
      landing = landing.in(commit.repo());
    }
    if (landing != null) {
      repeatedLandings |= landing.commit != null;
      landing.commit = commit;
    }
    PullRequestKey prKey =
        commit.prNumber() == null ? null : new PullRequestKey(commit.repo(), commit.prNumber());
    List<CommitFact> commits = prKey == null ? null : byPullRequest.get(prKey);
    if (commits != null) {
      if (commits.isEmpty()) {
        commits = new ArrayList<>(4);
        byPullRequest.put(prKey, commits);
      }
      commits.add(commit);
    } else if (landing == null && !commit.isMerge()) {
      // a PR number read from a subject with no pull request known (a repository known only
      // through git) leaves the commit a change of its own
      own.add(commit);
    }
  }

  /**
   * Sorts a pull request's commits by {@link #BY_TIME_THEN_SHA}. Most pull requests have a few
   * commits: those are sorted in place by insertion, which spares a computation the cost of
   * compiling the general sort on its first run.
   */
  private static void sortOldestFirst(List<CommitFact> commits) {
    int n = commits.size();
    if (n > 16) {
      commits.sort(BY_TIME_THEN_SHA);
      return;
    }
    for (int i = 1; i < n; i++) {
      CommitFact commit = commits.get(i);
      int j = i - 1;
      while (j >= 0 && BY_TIME_THEN_SHA.compare(commits.get(j), commit) > 0) {
        commits.set(j + 1, commits.get(j));
        j--;
      }
      commits.set(j + 1, commit);
    }
  }

  /** The PR's own commits, oldest first, without the commit its merge produced. */
  List<CommitFact> branchCommits(PullRequestFact pr) {
    List<CommitFact> commits = byPullRequest.get(new PullRequestKey(pr.repo(), pr.number()));
    if (commits == null || commits.isEmpty()) {
      return List.of();
    }
    String merge = pr.mergeCommitSha();
    if (merge == null) {
      return commits;
    }
    CommitFact landed = landed(pr);
    if (landed == null) {
      // no commit of the repository has the merge's sha
      return commits;
    }
    if (!repeatedLandings) {
      // the landed commit is the only one of the repository with the merge's sha
      for (int i = 0; i < commits.size(); i++) {
        if (commits.get(i) == landed) {
          List<CommitFact> branch = new ArrayList<>(commits);
          branch.remove(i);
          return branch;
        }
      }
      return commits;
    }
    List<CommitFact> branch = new ArrayList<>(commits.size());
    for (CommitFact commit : commits) {
      if (!commit.sha().equals(merge)) {
        branch.add(commit);
      }
    }
    return branch;
  }

  /** The commit the PR's merge produced on the default branch, or null when unknown. */
  CommitFact landed(PullRequestFact pr) {
    Landing landing = pr.mergeCommitSha() == null ? null : landings.get(pr.mergeCommitSha());
    landing = landing == null ? null : landing.in(pr.repo());
    return landing == null ? null : landing.commit;
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
