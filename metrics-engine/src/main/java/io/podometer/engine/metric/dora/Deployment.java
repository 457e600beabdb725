package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A production deployment of a service and what the linkers found about it: the changes it first
 * deployed, the rollbacks and reverts it performed, the incidents that blame it. Filled while one
 * computation builds its indexes, then only read.
 */
final class Deployment {

  final DeploymentFact fact;
  final ServiceDeployments service;
  final IsoWeek week;
  private final String ref;

  /** The repository whose commit graph holds this deployment's sha; null when none does. */
  String graphRepo;

  /** Position among the service's successful production deployments; -1 for a failed one. */
  int successIndex = -1;

  /** Merged PRs this deployment deployed first. */
  final List<DeployedChange> changes = new ArrayList<>(0);

  /** Earlier deployments whose changes this one reverted (a revert commit or PR it carried). */
  final List<Deployment> reverted = new ArrayList<>(0);

  /** The deployment its {@code rollbackOf} names, when that is a known production deployment. */
  Deployment rollbackTarget;

  /**
   * For a re-deployment of an earlier sha: the successful-deployment index from which the
   * deployments it undid start (they end just before this one); -1 when it redeploys nothing older.
   */
  int undoneFrom = -1;

  /** Why this deployment is a hotfix (hotfix-labelled PR or deployment label); null when not. */
  String hotfixReason;

  /** Incidents that blame it, each with the rule that tied it. */
  final List<IncidentLink> blamedBy = new ArrayList<>(0);

  /** Why it counts as failed in change failure rate; empty when it does not. */
  final List<String> failures = new ArrayList<>(0);

  /** Why it was an unplanned fix (rework); null when it was not. */
  String rework;

  Deployment(DeploymentFact fact, ServiceDeployments service, IsoWeek week) {
    this.fact = fact;
    this.service = service;
    this.week = week;
    this.ref = "deploy:" + fact.deploymentId();
  }

  String id() {
    return fact.deploymentId();
  }

  String ref() {
    return ref;
  }

  Instant finishedAt() {
    return fact.finishedAt();
  }

  boolean succeeded() {
    return fact.succeeded();
  }

  String sha() {
    return fact.sha();
  }

  /** The service's previous successful production deployment, or null. */
  Deployment previousSuccessful() {
    return successIndex > 0 ? service.successful().get(successIndex - 1) : null;
  }

  /** Orders deployments by finish, then id, so that every order of the same facts agrees. */
  static int chronological(Deployment a, Deployment b) {
    int byTime = a.finishedAt().compareTo(b.finishedAt());
    return byTime != 0 ? byTime : a.id().compareTo(b.id());
  }
}
