package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.CommitFact;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The commits of each repository by sha. A repository's graph is known when any of its commit facts
 * names its parents; walks stop at commits the facts do not hold.
 */
final class CommitGraph {

  private final Map<String, Map<String, CommitFact>> byRepo = new HashMap<>();
  private final Set<String> knownRepos = new HashSet<>();

  CommitGraph(List<CommitFact> commits) {
    for (CommitFact commit : commits) {
      if (commit.repo() == null || commit.sha() == null) {
        continue;
      }
      byRepo.computeIfAbsent(commit.repo(), r -> new HashMap<>()).put(commit.sha(), commit);
      if (!commit.parents().isEmpty()) {
        knownRepos.add(commit.repo());
      }
    }
  }

  boolean known(String repo) {
    return repo != null && knownRepos.contains(repo);
  }

  /** The commit, or null when the facts do not hold it. */
  CommitFact commit(String repo, String sha) {
    Map<String, CommitFact> commits = repo == null ? null : byRepo.get(repo);
    return commits == null || sha == null ? null : commits.get(sha);
  }

  /** The first of {@code repos} whose known graph holds {@code sha}, or null. */
  String repoHolding(List<String> repos, String sha) {
    if (sha == null) {
      return null;
    }
    for (String repo : repos) {
      if (known(repo) && commit(repo, sha) != null) {
        return repo;
      }
    }
    return null;
  }

  /**
   * Walks the parents from {@code sha}, stopping at commits an earlier deployment already reached
   * (the previous deployed sha and its ancestors): each commit newly reached is recorded in {@code
   * firstDeployed} as deployed first by {@code deployment} and handed to {@code onCommit}.
   */
  void deployNew(
      String repo,
      String sha,
      Map<String, Deployment> firstDeployed,
      Deployment deployment,
      Consumer<CommitFact> onCommit) {
    Map<String, CommitFact> commits = byRepo.get(repo);
    ArrayDeque<String> pending = new ArrayDeque<>();
    pending.push(sha);
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (firstDeployed.containsKey(next)) {
        continue;
      }
      CommitFact commit = commits.get(next);
      if (commit == null) {
        continue;
      }
      firstDeployed.put(next, deployment);
      onCommit.accept(commit);
      for (String parent : commit.parents()) {
        pending.push(parent);
      }
    }
  }
}
