package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventLimits;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment and one of its statuses as {@code deployment.finished}, once the status is final:
 * {@code success}, or {@code failure} / {@code error}. {@code queued}, {@code pending}, {@code
 * in_progress} are not a deployment yet, and {@code inactive} (a later deployment replaced it)
 * finishes nothing.
 */
final class DeploymentEvents {

  private static final Map<String, String> FINAL_STATES =
      Map.of("success", "success", "failure", "failure", "error", "failure");

  private final CanonicalEventBuilder events;
  private final GitHubSettings settings;

  DeploymentEvents(CanonicalEventBuilder events, GitHubSettings settings) {
    this.events = events;
    this.settings = settings;
  }

  Optional<CanonicalEvent> finished(
      String repo, GitHubObject deployment, GitHubObject deploymentStatus) {
    String status = FINAL_STATES.get(statusOf(deploymentStatus));
    if (status == null) {
      return Optional.empty();
    }
    String id = String.valueOf(deployment.number("id"));
    String service = settings.serviceOf(repo);
    Instant finished = deploymentStatus.instant("created_at");
    String environment = deploymentStatus.optionalText("environment");
    if (environment == null || environment.isBlank()) {
      environment = deployment.text("environment");
    }
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("deploymentId", id);
    d.put("service", service);
    d.put("environment", CanonicalEventBuilder.upTo(environment, EventLimits.NAME));
    d.put("status", status);
    d.put("finishedAt", finished.toString());
    Instant started = deployment.optionalInstant("created_at");
    if (started != null && !started.isAfter(finished)) {
      d.put("startedAt", started.toString());
    }
    String sha = deployment.optionalText("sha");
    if (sha != null) {
      d.put("sha", sha);
    }
    String actor = deployment.object("creator") == null ? null : deployment.login("creator");
    return Optional.of(
        events.build(
            "deploy:" + service + ":" + id, "deployment.finished", finished, repo, actor, d));
  }

  private static String statusOf(GitHubObject status) {
    return status.text("state").toLowerCase(Locale.ROOT);
  }
}
