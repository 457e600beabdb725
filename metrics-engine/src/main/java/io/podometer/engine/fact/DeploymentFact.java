package io.podometer.engine.fact;

import java.time.Instant;
import java.util.List;

/** A finished deployment of a service to an environment (raw environment name kept). */
public record DeploymentFact(
    String deploymentId,
    String service,
    String repo,
    String environment,
    String status,
    Instant finishedAt,
    Instant startedAt,
    String sha,
    String rollbackOf,
    List<String> labels) {

  public DeploymentFact {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  public boolean succeeded() {
    return "success".equals(status);
  }
}
