package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.connectors.source.UnmappablePayload;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventLimits;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A completed workflow run or check suite as {@code ci.run_completed}. A run's {@code name} may be
 * empty: the workflow's name, else its file, names it. GitHub's conclusions beyond the contract's
 * six map to the nearest: {@code startup_failure} failed, {@code stale} was skipped, {@code
 * action_required} is neutral (waiting on a person, not a failure of the code).
 */
final class RunEvents {

  private static final Map<String, String> CONCLUSIONS =
      Map.of(
          "success", "success",
          "failure", "failure",
          "cancelled", "cancelled",
          "skipped", "skipped",
          "timed_out", "timed_out",
          "neutral", "neutral",
          "startup_failure", "failure",
          "stale", "skipped",
          "action_required", "neutral");

  private final CanonicalEventBuilder events;

  RunEvents(CanonicalEventBuilder events) {
    this.events = events;
  }

  CanonicalEvent workflowRun(String repo, GitHubObject run, GitHubObject workflow) {
    String name = run.optionalText("name");
    if (name == null || name.isBlank()) {
      name = workflow == null ? null : workflow.optionalText("name");
    }
    if (name == null || name.isBlank()) {
      name = workflow != null && workflow.has("path") ? workflow.text("path") : run.text("path");
    }
    return run(
        repo, String.valueOf(run.number("id")), name, run, run.optionalInstant("run_started_at"));
  }

  CanonicalEvent checkSuite(String repo, GitHubObject suite) {
    String app = suite.optionalText("app.name");
    return run(
        repo,
        "suite-" + suite.number("id"),
        app == null || app.isBlank() ? "check suite" : app,
        suite,
        suite.optionalInstant("created_at"));
  }

  private CanonicalEvent run(
      String repo, String runId, String workflow, GitHubObject run, Instant startedAt) {
    String raw = run.text("conclusion");
    String conclusion = CONCLUSIONS.get(raw.toLowerCase(Locale.ROOT));
    if (conclusion == null) {
      throw new UnmappablePayload(run.path() + ".conclusion: unknown conclusion '" + raw + "'");
    }
    Instant completed = run.instant("updated_at");
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("runId", runId);
    d.put("workflow", CanonicalEventBuilder.upTo(workflow, EventLimits.NAME));
    d.put("conclusion", conclusion);
    d.put("completedAt", completed.toString());
    if (startedAt != null && !startedAt.isAfter(completed)) {
      d.put("startedAt", startedAt.toString());
    }
    String headSha = run.optionalText("head_sha");
    if (headSha != null) {
      d.put("headSha", headSha);
    }
    String branch = run.optionalText("head_branch");
    if (branch != null) {
      d.put("branch", CanonicalEventBuilder.upTo(branch, EventLimits.PATH));
    }
    ArrayNode prs = d.putArray("prNumbers");
    for (GitHubObject pr : run.objects("pull_requests")) {
      prs.add(pr.number("number"));
    }
    return events.build("ci:" + repo + ":" + runId, "ci.run_completed", completed, repo, null, d);
  }
}
