package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ties merged PRs to the production deployment that first shipped them (SPEC §5.2). Where the
 * repository's commit graph is known, a successful deployment carries the commits reachable from
 * its sha that no earlier successful deployment of the service reached (the range back to the
 * previous deployed sha), and a PR ships with the deployment carrying its merge commit. Otherwise a
 * PR ships with the service's first successful production deployment finished at or after its
 * merge; when the graph is known but holds no deployment containing the merge commit, only
 * deployments whose sha the graph does not know are candidates, since the others provably lack it.
 */
final class ChangeLinker {

  private final DeploymentIndex index;
  private final CommitGraph graph;

  /** Per service, per repository: the deployment that first contained each commit. */
  private final Map<ServiceDeployments, Map<String, Map<String, Deployment>>> firstDeployed =
      new IdentityHashMap<>();

  private final Map<PrKey, DeployedChange> changes = new HashMap<>();
  private Map<String, Deployment> byMergeCommit;
  private final List<PendingRevert> reverts = new ArrayList<>();

  ChangeLinker(DeploymentIndex index, CommitGraph graph, List<PullRequestFact> pullRequests) {
    this.index = index;
    this.graph = graph;
    for (ServiceDeployments service : index.services()) {
      for (Deployment d : service.all()) {
        d.graphRepo = graph.repoHolding(index.reposOf(d), d.sha());
      }
      service.sealGraph();
      for (Deployment d : service.successful()) {
        if (d.graphRepo != null) {
          walk(d);
        }
      }
    }
    for (PullRequestFact pr : pullRequests) {
      if (pr.mergedAt() != null && pr.repo() != null) {
        link(pr);
      }
    }
    resolveReverts();
    for (ServiceDeployments service : index.services()) {
      for (Deployment d : service.all()) {
        if (d.changes.size() > 1) {
          d.changes.sort(Comparator.comparing(c -> new PrKey(c.pr().repo(), c.pr().number())));
        }
      }
    }
  }

  /** The deployment that first contained a commit of the service, by the commit graph, or null. */
  Deployment firstDeploying(ServiceDeployments service, String repo, String sha) {
    Map<String, Map<String, Deployment>> byRepo = firstDeployed.get(service);
    Map<String, Deployment> deployed = byRepo == null ? null : byRepo.get(repo);
    return deployed == null || sha == null ? null : deployed.get(sha);
  }

  private void walk(Deployment d) {
    Map<String, Deployment> deployed =
        firstDeployed
            .computeIfAbsent(d.service, s -> new HashMap<>())
            .computeIfAbsent(d.graphRepo, r -> new HashMap<>());
    graph.deployNew(
        d.graphRepo,
        d.sha(),
        deployed,
        d,
        commit -> {
          String revertedSha = RevertMarkers.revertedSha(commit.message());
          if (revertedSha != null) {
            reverts.add(new PendingRevert(d, d.graphRepo, revertedSha, -1));
          }
        });
  }

  private void link(PullRequestFact pr) {
    ServiceDeployments service = index.serviceOfRepo(pr.repo());
    if (service == null) {
      return;
    }
    String merge = pr.mergeCommitSha();
    DeployedChange change;
    if (!graph.known(pr.repo())) {
      change = byTime(pr, service, false, "no commit graph for " + pr.repo());
    } else if (merge == null || graph.commit(pr.repo(), merge) == null) {
      change =
          byTime(
              pr,
              service,
              false,
              merge == null
                  ? "no merge commit sha"
                  : "merge commit " + shortSha(merge) + " not in the commit graph");
    } else {
      Deployment carrier = firstDeploying(service, pr.repo(), merge);
      change =
          carrier != null
              ? new DeployedChange(pr, carrier, true, graphLink(carrier, merge))
              : byTime(
                  pr,
                  service,
                  true,
                  "no deployment known to the commit graph contains merge commit "
                      + shortSha(merge));
    }
    if (change == null) {
      return;
    }
    changes.put(new PrKey(pr.repo(), pr.number()), change);
    change.deployment().changes.add(change);
    String[] revertedPr = RevertMarkers.revertedPullRequest(pr.body());
    if (revertedPr != null) {
      reverts.add(
          new PendingRevert(
              change.deployment(), revertedPr[0], null, Integer.parseInt(revertedPr[1])));
    }
  }

  private static DeployedChange byTime(
      PullRequestFact pr, ServiceDeployments service, boolean outsideGraphOnly, String why) {
    Deployment d = service.firstSuccessfulAtOrAfter(pr.mergedAt(), outsideGraphOnly);
    if (d == null) {
      return null;
    }
    String link =
        d.ref()
            + " is the first successful production deployment of "
            + service.id()
            + (outsideGraphOnly ? " outside the commit graph" : "")
            + " finished at or after the merge (time rule: "
            + why
            + ")";
    return new DeployedChange(pr, d, false, link);
  }

  private static String graphLink(Deployment carrier, String merge) {
    Deployment previous = carrier.previousSuccessful();
    String range =
        previous == null || previous.sha() == null
            ? "first production deployment of " + carrier.service.id() + " with a known sha"
            : "range "
                + shortSha(previous.sha())
                + ".."
                + shortSha(carrier.sha())
                + " after "
                + previous.ref();
    return carrier.ref()
        + " first contains merge commit "
        + shortSha(merge)
        + " (commit graph: "
        + range
        + ")";
  }

  private void resolveReverts() {
    for (PendingRevert revert : reverts) {
      Deployment target = null;
      if (revert.sha != null) {
        target = firstDeploying(revert.by.service, revert.repo, revert.sha);
        if (target == null) {
          target = deployedMergeCommits().get(revert.repo + "@" + revert.sha);
        }
        if (target == null) {
          CommitFact commit = graph.commit(revert.repo, revert.sha);
          Integer number = commit == null ? null : commit.prNumber();
          target = number == null ? null : deploymentOf(revert.repo, number);
        }
      } else {
        target = deploymentOf(revert.repo, revert.prNumber);
      }
      if (target != null
          && Deployment.chronological(target, revert.by) < 0
          && !revert.by.reverted.contains(target)) {
        revert.by.reverted.add(target);
      }
    }
  }

  /** The deployment that shipped each deployed PR, by its merge commit; built when first needed. */
  private Map<String, Deployment> deployedMergeCommits() {
    if (byMergeCommit == null) {
      byMergeCommit = new HashMap<>();
      for (DeployedChange change : changes.values()) {
        String merge = change.pr().mergeCommitSha();
        if (merge != null) {
          byMergeCommit.put(
              change.pr().repo() + "@" + merge.toLowerCase(Locale.ROOT), change.deployment());
        }
      }
    }
    return byMergeCommit;
  }

  private Deployment deploymentOf(String repo, int number) {
    DeployedChange change = changes.get(new PrKey(repo, number));
    return change == null ? null : change.deployment();
  }

  static String shortSha(String sha) {
    return sha == null ? "?" : sha.length() > 7 ? sha.substring(0, 7) : sha;
  }

  /** A revert found in a deployment, resolved once every PR is linked. */
  private record PendingRevert(Deployment by, String repo, String sha, int prNumber) {}
}
