package io.podometer.engine.metric.ai;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a commit seen without a pull request can be on the default branch: its branch is unknown,
 * or it is no pull request's head branch and, where the repository's pull requests name their base
 * branches, one of them.
 */
final class DefaultBranch {

  private DefaultBranch() {}

  /**
   * The commits that can be on the default branch, in the order given.
   *
   * @param commits commits seen without a pull request
   * @param pullRequests every pull request known
   */
  static List<CommitFact> mayHold(List<CommitFact> commits, List<PullRequestFact> pullRequests) {
    // only the branches these commits name are looked for among the pull requests
    Map<String, Branches> byRepo = new HashMap<>();
    for (CommitFact commit : commits) {
      if (commit.branch() != null) {
        byRepo.computeIfAbsent(commit.repo(), r -> new Branches()).named(commit.branch());
      }
    }
    if (byRepo.isEmpty()) {
      return commits;
    }
    for (PullRequestFact pr : pullRequests) {
      Branches branches = byRepo.get(pr.repo());
      if (branches != null) {
        branches.read(pr);
      }
    }
    List<CommitFact> onDefault = new ArrayList<>(commits.size());
    for (CommitFact commit : commits) {
      if (commit.branch() == null || byRepo.get(commit.repo()).mayBeDefault(commit.branch())) {
        onDefault.add(commit);
      }
    }
    return onDefault;
  }

  /** What a repository's pull requests say of the few branches its other commits name. */
  private static final class Branches {
    private final List<String> named = new ArrayList<>(1);
    private final Set<String> heads = new HashSet<>();
    private final Set<String> bases = new HashSet<>();
    private boolean basesNamed;

    void named(String branch) {
      if (!named.contains(branch)) {
        named.add(branch);
      }
    }

    void read(PullRequestFact pr) {
      basesNamed |= pr.baseBranch() != null;
      for (String branch : named) {
        if (branch.equals(pr.headBranch())) {
          heads.add(branch);
        }
        if (branch.equals(pr.baseBranch())) {
          bases.add(branch);
        }
      }
    }

    boolean mayBeDefault(String branch) {
      return !heads.contains(branch) && (!basesNamed || bases.contains(branch));
    }
  }
}
