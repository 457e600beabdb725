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
 * The deployment window by a scan of every deployment: what {@link DeploymentWindow} must equal.
 */
final class ScannedDeploymentWindow {

  private ScannedDeploymentWindow() {}

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
