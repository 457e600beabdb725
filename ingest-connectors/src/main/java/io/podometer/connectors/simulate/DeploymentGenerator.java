package io.podometer.connectors.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.simulate.CanonicalEvents.Deployment;
import io.podometer.connectors.simulate.Org.Pod;
import java.time.LocalDate;

/**
 * Deployments per service, several a week to production and some to staging, each shipping the
 * newest commit on the default branch at that moment. Some fail; some succeed and are rolled back
 * ({@code rollbackOf}) or blamed by an incident, which a hotfix then repairs; other incidents have
 * no known cause.
 */
final class DeploymentGenerator {
  static final String PRODUCTION = "production";
  static final String STAGING = "staging";
  private static final long STREAM = 0x44504cL;
  private static final long AFTER = 0x414654L;
  private static final String[] SEVERITIES = {"sev1", "sev2", "sev2", "sev3", "sev3", "sev3"};
  private static final String[] SYMPTOMS = {
    "Elevated 5xx on %s",
    "Latency spike on %s",
    "%s returns stale data",
    "Timeouts calling %s",
    "Errors after %s rollout",
    "%s queue backing up"
  };

  /** Plans the fix for an incident that a deployment caused. */
  interface HotfixPlanner {
    void plan(Repo repo, long at, String incidentTitle);
  }

  private final Workplace w;
  private final HotfixPlanner hotfixes;

  DeploymentGenerator(Workplace w, HotfixPlanner hotfixes) {
    this.w = w;
    this.hotfixes = hotfixes;
  }

  void planDay(LocalDate day) {
    boolean weekend = SimulatedRange.weekend(day);
    long start = Times.start(day);
    for (Repo repo : w.repos()) {
      Rng r = Rng.of(w.seed, STREAM, repo.service.index(), day.toEpochDay());
      // a pod gaming its figures ships no more than before, however many PRs it merges
      Pod pod = w.org.pod(repo.service.pod());
      boolean gaming = pod.traits().metricsGaming() && Stories.on(w.range, day);
      // a pilot ships smaller changes more often
      double rate = gaming ? 0.8 : pod.traits().pilotOn(day) ? 1.6 : 1.1;
      int production = weekend ? (r.chance(0.04) ? 1 : 0) : Math.min(4, r.poisson(rate));
      for (int i = 0; i < production; i++) {
        deployAt(repo, PRODUCTION, start + r.between(9 * Times.HOUR, 19 * Times.HOUR), r.uniform());
      }
      int staging = weekend ? 0 : r.poisson(0.45);
      for (int i = 0; i < staging; i++) {
        deployAt(repo, STAGING, start + r.between(8 * Times.HOUR, 20 * Times.HOUR), r.uniform());
      }
      if (!weekend && r.chance(0.003)) {
        long at = start + r.between(0, Times.DAY - 1);
        double luck = r.uniform();
        w.timeline.at(at, () -> incident(repo, at, null, luck));
      }
    }
  }

  /** A production deployment at {@code at}, shipping a hotfix that merged just before. */
  void deployHotfix(Repo repo, long at) {
    deployAt(repo, PRODUCTION, at, 0.5);
  }

  private void deployAt(Repo repo, String environment, long finishedAt, double luck) {
    w.timeline.at(finishedAt, () -> deploy(repo, environment, finishedAt, luck, repo.head(), null));
  }

  private ObjectNode deploy(
      Repo repo, String environment, long finishedAt, double luck, String sha, String rollbackOf) {
    String id = w.sequences.deployment();
    Rng r = Rng.of(w.seed, AFTER, Long.parseLong(id));
    long startedAt = finishedAt - r.duration(6 * Times.MINUTE, 0.5, 60, Times.HOUR);
    Pod pod = w.org.pod(repo.service.pod());
    LocalDate day = Times.day(finishedAt);
    double failureRate =
        pod.traits().rushing(day)
            ? 0.2
            : pod.traits().careful(day) ? 0.01 : pod.traits().poorAcceptance() ? 0.08 : 0.04;
    boolean failed = rollbackOf == null && luck < failureRate;
    Deployment deployment =
        new Deployment(
            id,
            repo,
            environment,
            failed ? "failure" : "success",
            startedAt,
            finishedAt,
            sha,
            rollbackOf);
    if (PRODUCTION.equals(environment)) {
      if (failed) {
        if (r.chance(0.6)) {
          deployAt(
              repo,
              PRODUCTION,
              finishedAt + r.duration(50 * Times.MINUTE, 0.5, 10 * Times.MINUTE, 4 * Times.HOUR),
              1.0);
        }
      } else if (rollbackOf == null) {
        afterSuccess(r, repo, deployment);
      }
    }
    return CanonicalEvents.deployment(deployment);
  }

  private void afterSuccess(Rng r, Repo repo, Deployment d) {
    String previousSha = repo.lastGoodSha;
    repo.lastGoodSha = d.sha();
    double roll = r.uniform();
    if (roll < 0.025 && previousSha != null) {
      long at =
          d.finishedAt() + r.duration(40 * Times.MINUTE, 0.6, 8 * Times.MINUTE, 6 * Times.HOUR);
      w.timeline.at(
          at,
          () -> {
            repo.lastGoodSha = previousSha;
            return deploy(repo, PRODUCTION, at, 1.0, previousSha, d.id());
          });
    } else if (roll < 0.045) {
      long at = d.finishedAt() + r.duration(2 * Times.HOUR, 1.0, 5 * Times.MINUTE, 2 * Times.DAY);
      Deployment blamed = r.chance(0.7) ? d : null;
      double luck = r.uniform();
      w.timeline.at(at, () -> incident(repo, at, blamed, luck));
    }
  }

  private ObjectNode incident(Repo repo, long at, Deployment blamed, double luck) {
    String id = w.sequences.incident();
    Rng r = Rng.of(w.seed, AFTER, id.hashCode(), at);
    String title = String.format(r.pick(SYMPTOMS), repo.service.id());
    long resolved = at + r.duration(2 * Times.HOUR, 1.1, 10 * Times.MINUTE, 3 * Times.DAY);
    w.timeline.at(resolved, () -> CanonicalEvents.incidentResolved(id, resolved));
    if (blamed != null && luck < 0.5) {
      hotfixes.plan(repo, at, title);
    }
    return CanonicalEvents.incidentOpened(
        id,
        repo.service.id(),
        at,
        r.pick(SEVERITIES),
        title,
        blamed == null ? null : blamed.id(),
        blamed == null ? null : blamed.sha());
  }
}
