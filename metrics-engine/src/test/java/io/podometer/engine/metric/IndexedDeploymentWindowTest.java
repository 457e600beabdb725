package io.podometer.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.fact.IncidentFact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The deployment window cut from the fact set's index keeps exactly what a scan of every deployment
 * keeps, in the same order, on random histories built to hit the edges: finishes equal to the
 * window's bounds and to each other (ties broken by id), nanoseconds, failed deployments, re-used
 * shas, duplicate ids, rollbacks of deployments inside and outside the window, incidents naming
 * deployments, deployments without a finish, an id or a sha.
 */
class IndexedDeploymentWindowTest {

  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void theIndexKeepsWhatAScanOfEveryDeploymentKeeps() {
    Random random = new Random(20261203);
    int windowsWithAnchors = 0;
    for (int history = 0; history < 300; history++) {
      List<DeploymentFact> deployments = new ArrayList<>();
      int count = 1 + random.nextInt(80);
      for (int i = 0; i < count; i++) {
        deployments.add(deployment(random, i, count));
      }
      List<IncidentFact> incidents = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        incidents.add(
            new IncidentFact(
                "INC-" + i,
                "svc-" + random.nextInt(3),
                T0,
                null,
                "sev2",
                "down",
                random.nextBoolean() ? "d" + random.nextInt(count + 3) : null,
                null));
      }
      DeploymentWindow index = new DeploymentWindow(deployments);
      for (int w = 0; w < 10; w++) {
        // bounds on whole hours, so that finishes fall exactly on them too
        Instant start = T0.plus(Duration.ofHours(random.nextInt(24 * 40)));
        Instant end = start.plus(Duration.ofHours(random.nextInt(24 * 20)));
        List<DeploymentFact> expected =
            ScannedDeploymentWindow.around(deployments, incidents, start, end);
        List<DeploymentFact> actual = index.around(incidents, start, end);
        assertEquals(ids(expected), ids(actual), "history " + history + " " + start + ".." + end);
        assertEquals(expected, actual);
        if (expected.stream().anyMatch(d -> d.finishedAt().isBefore(start))) {
          windowsWithAnchors++;
        }
      }
    }
    assertTrue(windowsWithAnchors > 500, windowsWithAnchors + " windows reaching before");
  }

  @Test
  void anIndexPatchedWithChangedDeploymentsKeepsWhatAScanOfTheCurrentOnesKeeps() {
    Random random = new Random(1203);
    int patched = 0; // windows where a changed deployment is kept
    for (int history = 0; history < 300; history++) {
      int count = 1 + random.nextInt(60);
      List<DeploymentFact> base = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        base.add(deployment(random, i, count + 20));
      }
      // some deployments replaced (a later status, a rollback arriving after its target), some
      // removed, some new, with new groups, shas and ids among them
      java.util.Set<Object> stale =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      List<DeploymentFact> added = new ArrayList<>();
      for (DeploymentFact d : base) {
        if (random.nextInt(6) == 0) {
          stale.add(d);
          if (random.nextBoolean() && d.deploymentId() != null) {
            added.add(
                new DeploymentFact(
                    d.deploymentId(),
                    d.service(),
                    d.repo(),
                    d.environment(),
                    random.nextBoolean() ? "success" : "failure",
                    d.finishedAt(),
                    null,
                    d.sha(),
                    d.rollbackOf(),
                    List.of()));
          }
        }
      }
      for (int i = random.nextInt(6); i > 0; i--) {
        added.add(deployment(random, count + i, count + 20));
      }
      List<DeploymentFact> current = new ArrayList<>();
      base.stream().filter(d -> !stale.contains(d)).forEach(current::add);
      current.addAll(added);
      List<IncidentFact> incidents =
          List.of(
              new IncidentFact("INC", "svc-0", T0, null, "sev2", "down", "d" + (count + 1), null));
      DeploymentWindow overlay = new DeploymentWindow(base).overlaid(stale, added);
      for (int w = 0; w < 10; w++) {
        Instant start = T0.plus(Duration.ofHours(random.nextInt(24 * 40)));
        Instant end = start.plus(Duration.ofHours(random.nextInt(24 * 20)));
        List<DeploymentFact> expected =
            ScannedDeploymentWindow.around(current, incidents, start, end);
        assertEquals(
            ids(expected),
            ids(overlay.around(incidents, start, end)),
            "history " + history + " " + start + ".." + end);
        if (expected.stream().anyMatch(added::contains)) {
          patched++;
        }
      }
    }
    assertTrue(patched > 300, patched + " windows keeping a changed deployment");
  }

  private static DeploymentFact deployment(Random random, int i, int count) {
    Instant finished =
        random.nextInt(20) == 0
            ? null
            : T0.plus(Duration.ofHours(random.nextInt(24 * 60)))
                .plusNanos(random.nextInt(4) == 0 ? random.nextInt(3) : 0);
    String id = random.nextInt(25) == 0 ? null : "d" + (random.nextInt(10) == 0 ? i / 2 : i);
    return new DeploymentFact(
        id,
        "svc-" + random.nextInt(3),
        random.nextInt(5) == 0 ? null : "acme/repo-" + random.nextInt(2),
        random.nextBoolean() ? "production" : "staging",
        random.nextInt(4) == 0 ? "failure" : "success",
        finished,
        null,
        random.nextInt(6) == 0 ? null : "sha" + random.nextInt(Math.max(1, count / 3)),
        random.nextInt(8) == 0 ? "d" + random.nextInt(count + 3) : null,
        List.of());
  }

  private static List<String> ids(List<DeploymentFact> deployments) {
    return deployments.stream().map(d -> d.deploymentId() + "@" + d.finishedAt()).toList();
  }
}
