package io.podometer.engine.metric;

import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.fact.IncidentFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deployments a window of weeks needs: those finished within it, and the few older or later
 * ones the DORA figures of its weeks still read. A service's deployments are grouped by what they
 * name (service, repository, environment), since which service a group belongs to and whether its
 * environment is production depend on the organization model; for each group the window keeps:
 *
 * <ul>
 *   <li>its first deployment — a service's coverage starts with its first deployment ever, and the
 *       repository a service name stands for is read from every pair named;
 *   <li>its last successful deployment before the window — the deployment live when the window
 *       starts (what an incident's time rule or a merged PR's time rule finds, the range a commit
 *       walk starts from);
 *   <li>its first successful deployment after the window — the recovery of a failed deployment
 *       after a long silence, the first deployment of a change merged in the window;
 *   <li>per sha deployed in the window, its last successful deployment of that sha before the
 *       window — a re-deployment of an older sha undoes what came between;
 * </ul>
 *
 * and, across groups, the deployments an incident names ({@code causedByDeploymentId}), those a
 * deployment in the window rolls back and those rolling one back. Deployments without an id or a
 * finish are left out: no figure reads them. Kept in the order given, as the full set is (the
 * engine's indexes may depend on it for duplicate ids).
 */
final class DeploymentWindow {

  private DeploymentWindow() {}

  /** What the deployments of a service are grouped by before the organization model says more. */
  private record Group(String service, String repo, String environment) {
    static Group of(DeploymentFact d) {
      return new Group(d.service(), d.repo(), d.environment());
    }
  }

  private record ShaOfGroup(Group group, String sha) {}

  /** A group's first deployment, its last successful one before the window, the first after. */
  private static final class Anchors {
    DeploymentFact first;
    DeploymentFact lastBefore;
    DeploymentFact firstAfter;
  }

  static List<DeploymentFact> around(
      List<DeploymentFact> all, List<IncidentFact> incidents, Instant start, Instant end) {
    Map<Group, Anchors> anchors = new HashMap<>();
    Set<String> idsWithin = new HashSet<>();
    Set<String> shasWithin = new HashSet<>();
    Set<String> named = new HashSet<>();
    for (DeploymentFact d : all) {
      if (!readable(d)) {
        continue;
      }
      Anchors group = anchors.computeIfAbsent(Group.of(d), g -> new Anchors());
      if (group.first == null || chronological(d, group.first) < 0) {
        group.first = d;
      }
      if (d.finishedAt().isBefore(start)) {
        if (d.succeeded() && (group.lastBefore == null || chronological(d, group.lastBefore) > 0)) {
          group.lastBefore = d;
        }
      } else if (!d.finishedAt().isBefore(end)) {
        if (d.succeeded() && (group.firstAfter == null || chronological(d, group.firstAfter) < 0)) {
          group.firstAfter = d;
        }
      } else {
        idsWithin.add(d.deploymentId());
        if (d.succeeded() && d.sha() != null) {
          shasWithin.add(d.sha());
        }
        if (d.rollbackOf() != null) {
          named.add(d.rollbackOf());
        }
      }
    }
    for (IncidentFact incident : incidents) {
      if (incident.causedByDeploymentId() != null) {
        named.add(incident.causedByDeploymentId());
      }
    }

    Set<DeploymentFact> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Anchors group : anchors.values()) {
      kept.add(group.first);
      if (group.lastBefore != null) {
        kept.add(group.lastBefore);
      }
      if (group.firstAfter != null) {
        kept.add(group.firstAfter);
      }
    }
    Map<ShaOfGroup, DeploymentFact> lastOfSha = new HashMap<>();
    for (DeploymentFact d : all) {
      if (!readable(d)) {
        continue;
      }
      if (!outside(d, start, end)
          || named.contains(d.deploymentId())
          || (d.rollbackOf() != null && idsWithin.contains(d.rollbackOf()))) {
        kept.add(d);
      }
      if (d.succeeded()
          && d.sha() != null
          && d.finishedAt().isBefore(start)
          && shasWithin.contains(d.sha())) {
        lastOfSha.merge(
            new ShaOfGroup(Group.of(d), d.sha()), d, (a, b) -> chronological(a, b) >= 0 ? a : b);
      }
    }
    kept.addAll(lastOfSha.values());

    List<DeploymentFact> window = new ArrayList<>(kept.size());
    for (DeploymentFact d : all) {
      if (kept.contains(d)) {
        window.add(d);
      }
    }
    return window;
  }

  /** Whether the engine's deployment index reads it at all. */
  private static boolean readable(DeploymentFact d) {
    return d.finishedAt() != null && d.deploymentId() != null;
  }

  private static boolean outside(DeploymentFact d, Instant start, Instant end) {
    return d.finishedAt().isBefore(start) || !d.finishedAt().isBefore(end);
  }

  /** By finish, then id: the order the engine's deployment index sorts by. */
  private static int chronological(DeploymentFact a, DeploymentFact b) {
    int byTime = a.finishedAt().compareTo(b.finishedAt());
    return byTime != 0 ? byTime : a.deploymentId().compareTo(b.deploymentId());
  }
}
