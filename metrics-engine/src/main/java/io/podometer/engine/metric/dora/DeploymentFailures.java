package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.IncidentFact;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, once deployments, changes and incidents are linked, which production deployments failed
 * or led to a failure (change failure rate) and which were unplanned fixes (rework).
 */
final class DeploymentFailures {

  /** How soon a rollback or hotfix must follow to blame a deployment, and a fix a failure. */
  static final Duration FOLLOW_UP = DoraFamily.FOLLOW_UP;

  private DeploymentFailures() {}

  static void assess(DeploymentIndex index) {
    for (ServiceDeployments service : index.services()) {
      for (Deployment d : service.all()) {
        if (!d.succeeded()) {
          d.failures.add("status failure");
        }
        for (IncidentLink link : d.blamedBy) {
          d.failures.add(link.ref() + " blames it (" + link.rule() + ")");
        }
      }
      Map<Deployment, Deployment> rollsBack = new IdentityHashMap<>();
      List<Deployment> successful = service.successful();
      for (Deployment fix : successful) {
        Deployment target = fix.rollbackTarget;
        if (target != null && within(target, fix)) {
          target.failures.add("rolled back within 24 h by " + fix.ref() + " (rollbackOf)");
          rollsBack.put(fix, target);
        }
        for (int j = fix.successIndex - 1; fix.undoneFrom >= 0 && j >= fix.undoneFrom; j--) {
          Deployment undone = successful.get(j);
          if (!within(undone, fix)) {
            break;
          }
          if (undone != target) {
            undone.failures.add(
                "rolled back within 24 h by "
                    + fix.ref()
                    + " (re-deployment of earlier sha "
                    + ChangeLinker.shortSha(fix.sha())
                    + ")");
            rollsBack.putIfAbsent(fix, undone);
          }
        }
        Deployment previous = fix.previousSuccessful();
        if (fix.hotfixReason != null && previous != null && within(previous, fix)) {
          previous.failures.add(
              "followed within 24 h by hotfix " + fix.ref() + " (" + fix.hotfixReason + ")");
        }
      }
      markRework(service, rollsBack);
    }
  }

  /**
   * A deployment is an unplanned fix when it is a hotfix, when it rolls back a deployment of the
   * last 24 h, or when, in the 24 h before it, a production deployment of its service failed or an
   * incident on its service opened. Failures count from when they were known: a deployment blamed
   * by a later incident does not make the deployments right after it rework.
   */
  private static void markRework(
      ServiceDeployments service, Map<Deployment, Deployment> rollsBack) {
    List<IncidentFact> incidents = service.incidents();
    int nextIncident = 0;
    IncidentFact lastIncident = null;
    Deployment lastFailed = null;
    for (Deployment d : service.all()) {
      while (nextIncident < incidents.size()
          && incidents.get(nextIncident).openedAt().isBefore(d.finishedAt())) {
        lastIncident = incidents.get(nextIncident++);
      }
      Deployment undone = rollsBack.get(d);
      if (d.hotfixReason != null) {
        d.rework = "unplanned fix: " + d.hotfixReason;
      } else if (undone != null) {
        d.rework = "unplanned fix: rolls back " + undone.ref();
      } else if (lastFailed != null && within(lastFailed, d)) {
        d.rework = "unplanned fix: follows failed " + lastFailed.ref() + " within 24 h";
      } else if (lastIncident != null
          && !lastIncident.openedAt().plus(FOLLOW_UP).isBefore(d.finishedAt())) {
        d.rework = "unplanned fix: follows incident:" + lastIncident.incidentId() + " within 24 h";
      }
      if (!d.succeeded()) {
        lastFailed = d;
      }
    }
  }

  /** Whether {@code later} finished after {@code earlier} and no more than 24 h after it. */
  private static boolean within(Deployment earlier, Deployment later) {
    return Deployment.chronological(earlier, later) < 0
        && !earlier.finishedAt().plus(FOLLOW_UP).isBefore(later.finishedAt());
  }
}
