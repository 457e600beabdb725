package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.IncidentFact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ties each incident to the production deployment it blames (SPEC §5.2), by the first rule that
 * applies: an explicit {@code causedByDeploymentId} or {@code causedBySha}; then a rollback, revert
 * or hotfix of the service that followed the incident (before its resolution, or within the window
 * while it is open); then the service's last successful production deployment finished within the
 * window before the incident opened. An explicit cause that names nothing known leaves the incident
 * unlinked rather than guessing; so does a deployment older than the window.
 */
final class IncidentLinker {

  private final DeploymentIndex index;
  private final ChangeLinker changes;
  private final Duration window;

  IncidentLinker(DeploymentIndex index, ChangeLinker changes, int windowHours) {
    this.index = index;
    this.changes = changes;
    this.window = Duration.ofHours(windowHours);
  }

  /** Links every incident, recording each link on the deployment it blames. */
  void link(List<IncidentFact> incidents) {
    List<IncidentFact> ordered = new ArrayList<>();
    for (IncidentFact incident : incidents) {
      if (incident.incidentId() != null && incident.openedAt() != null) {
        ordered.add(incident);
      }
    }
    ordered.sort(Comparator.comparing(IncidentFact::incidentId));
    for (IncidentFact incident : ordered) {
      IncidentLink link = linkOne(incident);
      if (link != null) {
        link.deployment().blamedBy.add(link);
      }
    }
  }

  private IncidentLink linkOne(IncidentFact incident) {
    ServiceDeployments service = index.serviceNamed(incident.service());
    if (incident.causedByDeploymentId() != null) {
      Deployment d = index.deployment(incident.causedByDeploymentId());
      if (d != null) {
        return new IncidentLink(incident, d, "explicit causedByDeploymentId");
      }
    }
    if (incident.causedBySha() != null) {
      Deployment d = deployingSha(service, incident.causedBySha());
      return d == null
          ? null
          : new IncidentLink(
              incident, d, "explicit causedBySha " + ChangeLinker.shortSha(incident.causedBySha()));
    }
    if (incident.causedByDeploymentId() != null || service == null) {
      return null;
    }
    IncidentLink followUp = byFollowUp(incident, service);
    if (followUp != null) {
      return followUp;
    }
    Deployment last = service.lastSuccessfulAtOrBefore(incident.openedAt());
    if (last != null && !last.finishedAt().isBefore(incident.openedAt().minus(window))) {
      return new IncidentLink(
          incident,
          last,
          "window: last successful production deployment of "
              + service.id()
              + " within "
              + window.toHours()
              + " h before the incident opened");
    }
    return null;
  }

  /** The service's first successful production deployment of the sha, or that carried it. */
  private Deployment deployingSha(ServiceDeployments service, String sha) {
    if (service == null) {
      return null;
    }
    Deployment exact = service.firstSuccessfulWithSha(sha);
    if (exact != null) {
      return exact;
    }
    for (String repo : index.reposOf(service)) {
      Deployment carrier = changes.firstDeploying(service, repo, sha);
      if (carrier != null) {
        return carrier;
      }
    }
    return null;
  }

  private IncidentLink byFollowUp(IncidentFact incident, ServiceDeployments service) {
    Instant opened = incident.openedAt();
    Instant until = incident.resolvedAt() != null ? incident.resolvedAt() : opened.plus(window);
    List<Deployment> successful = service.successful();
    for (int i = service.firstSuccessfulIndexAfter(opened); i < successful.size(); i++) {
      Deployment fix = successful.get(i);
      if (fix.finishedAt().isAfter(until)) {
        break;
      }
      Deployment target = fix.rollbackTarget;
      if (target != null && !target.finishedAt().isAfter(opened)) {
        return new IncidentLink(
            incident, target, "rollback: " + fix.ref() + " rolled it back (rollbackOf)");
      }
      if (fix.undoneFrom >= 0) {
        for (int j = fix.successIndex - 1; j >= fix.undoneFrom; j--) {
          Deployment undone = successful.get(j);
          if (!undone.finishedAt().isAfter(opened)) {
            return new IncidentLink(
                incident,
                undone,
                "rollback: "
                    + fix.ref()
                    + " re-deployed earlier sha "
                    + ChangeLinker.shortSha(fix.sha()));
          }
        }
      }
      Deployment reverted = null;
      for (Deployment candidate : fix.reverted) {
        if (!candidate.finishedAt().isAfter(opened)
            && (reverted == null || Deployment.chronological(candidate, reverted) > 0)) {
          reverted = candidate;
        }
      }
      if (reverted != null) {
        return new IncidentLink(
            incident, reverted, "revert: " + fix.ref() + " reverted a change it deployed");
      }
      if (fix.hotfixReason != null) {
        Deployment live = service.lastSuccessfulAtOrBefore(opened);
        if (live != null) {
          return new IncidentLink(
              incident,
              live,
              "hotfix: "
                  + fix.ref()
                  + " ("
                  + fix.hotfixReason
                  + ") fixed the deployment live when the incident opened");
        }
      }
    }
    return null;
  }
}
