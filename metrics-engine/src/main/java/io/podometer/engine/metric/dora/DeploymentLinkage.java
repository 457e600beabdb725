package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The production deployments of a computation as the DORA figures see them, for other tools to
 * compute the same figures from: each deployment's service, finish, status, whether it failed in
 * change failure rate, and the merged PRs it shipped first with the start of their lead time; and
 * the week from which each service's deployments are known (a covered week without a successful
 * deployment reads 0, an uncovered one "no data"). Built by the same linkers, in the same order, as
 * {@link DoraFamily}; read-only once built.
 */
public record DeploymentLinkage(
    List<ServiceCoverage> services, List<LinkedDeployment> deployments) {

  /** A service with a deployment source, covered from the week of its first deployment fact. */
  public record ServiceCoverage(String service, IsoWeek deploymentsKnownFrom) {}

  /**
   * A production deployment, successful or not; {@code failed} as change failure rate counts it
   * (status failure, a blaming incident, a rollback or hotfix within 24 h); {@code week} of its
   * finish in the organization's time zone; {@code changes} only on successful ones, by PR key.
   */
  public record LinkedDeployment(
      String id,
      String service,
      String environment,
      Instant finishedAt,
      IsoWeek week,
      boolean successful,
      boolean failed,
      List<ShippedChange> changes) {}

  /**
   * A merged PR a deployment shipped first. {@code leadTimeStart} is its first commit as lead time
   * reads it; {@code byIgnoredBot} PRs count in no lead time.
   */
  public record ShippedChange(
      String repo,
      int number,
      String author,
      Instant leadTimeStart,
      Instant mergedAt,
      boolean byIgnoredBot) {}

  public DeploymentLinkage {
    services = List.copyOf(services);
    deployments = List.copyOf(deployments);
  }

  /** Links every deployment, change and incident of the context's facts, as the engine does. */
  public static DeploymentLinkage of(EngineContext context) {
    DeploymentIndex index = new DeploymentIndex(context);
    CommitGraph graph = new CommitGraph(context.facts().commits());
    ChangeLinker linker = new ChangeLinker(index, graph, context.facts().pullRequests());
    new RollbacksAndHotfixes(index, context.org().org().hotfixLabels()).mark();
    new IncidentLinker(index, linker, context.org().org().incidentWindowHours())
        .link(context.facts().incidents());
    DeploymentFailures.assess(index);

    Map<PrKey, Instant> earliestCommits = earliestOwnCommits(context);
    List<ServiceCoverage> services = new ArrayList<>();
    List<LinkedDeployment> deployments = new ArrayList<>();
    for (ServiceDeployments service : index.services()) {
      services.add(new ServiceCoverage(service.id(), service.coveredFrom()));
      for (Deployment d : service.all()) {
        List<ShippedChange> shipped = new ArrayList<>(d.changes.size());
        for (DeployedChange change : d.changes) {
          PullRequestFact pr = change.pr();
          shipped.add(
              new ShippedChange(
                  pr.repo(),
                  pr.number(),
                  pr.author(),
                  leadTimeStart(pr, earliestCommits.get(new PrKey(pr.repo(), pr.number()))),
                  pr.mergedAt(),
                  pr.author() != null && context.pods().isIgnoredBot(pr.author())));
        }
        deployments.add(
            new LinkedDeployment(
                d.id(),
                service.id(),
                d.fact.environment(),
                d.finishedAt(),
                d.week,
                d.succeeded(),
                !d.failures.isEmpty(),
                List.copyOf(shipped)));
      }
    }
    return new DeploymentLinkage(services, deployments);
  }

  /** Lead time's first commit: {@code firstCommitAt}, else the earliest own commit, else opened. */
  private static Instant leadTimeStart(PullRequestFact pr, Instant earliestOwnCommit) {
    if (pr.firstCommitAt() != null) {
      return pr.firstCommitAt();
    }
    return earliestOwnCommit != null ? earliestOwnCommit : pr.createdAt();
  }

  /**
   * The earliest authoring of each PR's own commits, as {@link LeadTimeCalculator} reads it: merge
   * commits and the landed squash commit (authored at the merge) are not the PR's work.
   */
  private static Map<PrKey, Instant> earliestOwnCommits(EngineContext context) {
    Map<PrKey, PullRequestFact> withoutFirstCommit = new HashMap<>();
    for (PullRequestFact pr : context.facts().pullRequests()) {
      if (pr.firstCommitAt() == null && pr.repo() != null) {
        withoutFirstCommit.put(new PrKey(pr.repo(), pr.number()), pr);
      }
    }
    Map<PrKey, Instant> earliest = new HashMap<>();
    if (withoutFirstCommit.isEmpty()) {
      return earliest;
    }
    for (CommitFact commit : context.facts().commits()) {
      if (commit.prNumber() == null || commit.authoredAt() == null || commit.isMerge()) {
        continue;
      }
      PrKey key = new PrKey(commit.repo(), commit.prNumber());
      PullRequestFact pr = withoutFirstCommit.get(key);
      if (pr == null || commit.sha().equals(pr.mergeCommitSha())) {
        continue;
      }
      earliest.merge(key, commit.authoredAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
    return earliest;
  }
}
