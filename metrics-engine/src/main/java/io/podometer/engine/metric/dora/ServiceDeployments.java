package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.IncidentFact;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's production deployments in chronological order, its incidents by opening, the scopes
 * its figures count in and the week from which a deployment source covers it.
 */
final class ServiceDeployments {

  private final String id;
  private final List<ScopeId> scopes;
  private final IsoWeek coveredFrom;
  private final List<Deployment> all = new ArrayList<>();
  private final List<Deployment> successful = new ArrayList<>();
  private final List<Deployment> successfulOutsideGraph = new ArrayList<>();
  private final List<IncidentFact> incidents = new ArrayList<>();
  private Map<String, Deployment> firstBySha;

  ServiceDeployments(String id, List<ScopeId> scopes, IsoWeek coveredFrom) {
    this.id = id;
    this.scopes = scopes;
    this.coveredFrom = coveredFrom;
  }

  String id() {
    return id;
  }

  List<ScopeId> scopes() {
    return scopes;
  }

  /** The week of the service's first deployment fact in any environment. */
  IsoWeek coveredFrom() {
    return coveredFrom;
  }

  /** Production deployments, successful and failed, oldest first. */
  List<Deployment> all() {
    return all;
  }

  /** Successful production deployments, oldest first. */
  List<Deployment> successful() {
    return successful;
  }

  /** Incidents on the service, by opening time. */
  List<IncidentFact> incidents() {
    return incidents;
  }

  void add(Deployment deployment) {
    all.add(deployment);
  }

  void addIncident(IncidentFact incident) {
    incidents.add(incident);
  }

  /** Sorts what was added; called once, after every deployment and incident is in. */
  void seal() {
    all.sort(Deployment::chronological);
    for (Deployment d : all) {
      if (d.succeeded()) {
        d.successIndex = successful.size();
        successful.add(d);
      }
    }
    incidents.sort(
        (a, b) -> {
          int byTime = a.openedAt().compareTo(b.openedAt());
          return byTime != 0 ? byTime : a.incidentId().compareTo(b.incidentId());
        });
  }

  /** Called once the commit graph has resolved every deployment's sha. */
  void sealGraph() {
    for (Deployment d : successful) {
      if (d.graphRepo == null) {
        successfulOutsideGraph.add(d);
      }
    }
  }

  /**
   * The first successful production deployment finished at or after {@code at}; with {@code
   * outsideGraphOnly}, among those whose sha the commit graph does not know. Null when none.
   */
  Deployment firstSuccessfulAtOrAfter(Instant at, boolean outsideGraphOnly) {
    List<Deployment> list = outsideGraphOnly ? successfulOutsideGraph : successful;
    int i = firstFinishedAtOrAfter(list, at);
    return i < list.size() ? list.get(i) : null;
  }

  /** The last successful production deployment finished at or before {@code at}, or null. */
  Deployment lastSuccessfulAtOrBefore(Instant at) {
    int i = firstFinishedAfter(successful, at);
    return i > 0 ? successful.get(i - 1) : null;
  }

  /** Index of the first successful deployment finished strictly after {@code at}. */
  int firstSuccessfulIndexAfter(Instant at) {
    return firstFinishedAfter(successful, at);
  }

  /** The next successful production deployment after {@code deployment} in time, or null. */
  Deployment nextSuccessfulAfter(Deployment deployment) {
    int lo = 0;
    int hi = successful.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Deployment.chronological(successful.get(mid), deployment) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < successful.size() ? successful.get(lo) : null;
  }

  /** The earliest successful production deployment of exactly this sha, or null. */
  Deployment firstSuccessfulWithSha(String sha) {
    if (firstBySha == null) {
      firstBySha = new HashMap<>();
      for (Deployment d : successful) {
        if (d.sha() != null) {
          firstBySha.putIfAbsent(d.sha(), d);
        }
      }
    }
    return firstBySha.get(sha);
  }

  private static int firstFinishedAtOrAfter(List<Deployment> list, Instant at) {
    int lo = 0;
    int hi = list.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (list.get(mid).finishedAt().isBefore(at)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int firstFinishedAfter(List<Deployment> list, Instant at) {
    int lo = 0;
    int hi = list.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (!list.get(mid).finishedAt().isAfter(at)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
