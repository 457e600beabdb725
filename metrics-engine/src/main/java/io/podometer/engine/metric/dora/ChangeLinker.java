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
import java.util.function.Supplier;

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
  private Map<String, Map<String, Deployment>> byMergeCommit;
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
    String repo = pr.repo();
    if (!graph.known(repo)) {
      change = byTime(pr, service, false, () -> "no commit graph for " + repo);
    } else if (merge == null || graph.commit(pr.repo(), merge) == null) {
      change =
          byTime(
              pr,
              service,
              false,
              () ->
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
                  () ->
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
      PullRequestFact pr,
      ServiceDeployments service,
      boolean outsideGraphOnly,
      Supplier<String> why) {
    Deployment d = service.firstSuccessfulAtOrAfter(pr.mergedAt(), outsideGraphOnly);
    if (d == null) {
      return null;
    }
    // a year holds hundreds of thousands of links: their words are put together when read, from
    // what they name only (a kept contribution holds no deployment index)
    String ref = d.ref();
    String serviceId = service.id();
    return new DeployedChange(
        pr,
        d,
        false,
        () ->
            ref
                + " is the first successful production deployment of "
                + serviceId
                + (outsideGraphOnly ? " outside the commit graph" : "")
                + " finished at or after the merge (time rule: "
                + why.get()
                + ")");
  }

  private static Supplier<String> graphLink(Deployment carrier, String merge) {
    Deployment previous = carrier.previousSuccessful();
    String carrierRef = carrier.ref();
    String carrierSha = carrier.sha();
    String serviceId = carrier.service.id();
    String previousRef = previous == null ? null : previous.ref();
    String previousSha = previous == null ? null : previous.sha();
    return () -> {
      String range =
          previousSha == null
              ? "first production deployment of " + serviceId + " with a known sha"
              : "range "
                  + shortSha(previousSha)
                  + ".."
                  + shortSha(carrierSha)
                  + " after "
                  + previousRef;
      return carrierRef
          + " first contains merge commit "
          + shortSha(merge)
          + " (commit graph: "
          + range
          + ")";
    };
  }

  private void resolveReverts() {
    for (PendingRevert revert : reverts) {
      Deployment target = null;
      if (revert.sha != null) {
        target = firstDeploying(revert.by.service, revert.repo, revert.sha);
        if (target == null) {
          target = deployedMergeCommits().getOrDefault(revert.repo, Map.of()).get(revert.sha);
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

  /**
   * The deployment that shipped each deployed PR, by repository and merge commit (lower case);
   * built when first needed.
   */
  private Map<String, Map<String, Deployment>> deployedMergeCommits() {
    if (byMergeCommit == null) {
      byMergeCommit = new HashMap<>();
      for (DeployedChange change : changes.values()) {
        String merge = change.pr().mergeCommitSha();
        if (merge != null) {
          byMergeCommit
              .computeIfAbsent(change.pr().repo(), repo -> new HashMap<>())
              .put(lowerCase(merge), change.deployment());
        }
      }
    }
    return byMergeCommit;
  }

  /** Shas are mostly written in lower case already: no copy for them. */
  private static String lowerCase(String sha) {
    for (int i = 0; i < sha.length(); i++) {
      char c = sha.charAt(i);
      // hexadecimal digits are ASCII: the Unicode tables only for what is not
      if (c >= 'A' && c <= 'Z' || c > 0x7F && Character.isUpperCase(c)) {
        return sha.toLowerCase(Locale.ROOT);
      }
    }
    return sha;
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
