package io.podometer.connectors.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical event contract of EVENTS.md (schema 1), written down independently of the
 * simulator: required envelope and data fields, value sets, timestamp format and id templates.
 */
final class EventContract {
  static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");

  static final Map<String, List<String>> REQUIRED =
      Map.ofEntries(
          Map.entry("pr.opened", List.of("number", "title", "author", "createdAt")),
          Map.entry("pr.updated", List.of("number", "at", "action")),
          Map.entry("pr.ready_for_review", List.of("number", "at")),
          Map.entry("pr.review_submitted", List.of("number", "reviewer", "state", "submittedAt")),
          Map.entry(
              "pr.merged",
              List.of("number", "author", "mergedAt", "mergeCommitSha", "additions", "deletions")),
          Map.entry("pr.closed", List.of("number", "closedAt")),
          Map.entry("commit", List.of("sha", "author", "authoredAt", "committedAt")),
          Map.entry("commit.attribution", List.of("sha", "source", "files")),
          Map.entry("ci.run_completed", List.of("runId", "workflow", "conclusion", "completedAt")),
          Map.entry(
              "deployment.finished",
              List.of("deploymentId", "service", "environment", "status", "finishedAt")),
          Map.entry("incident.opened", List.of("incidentId", "service", "at")),
          Map.entry("incident.resolved", List.of("incidentId", "at")),
          Map.entry("agent.usage", List.of("tool", "user", "day")),
          Map.entry("agent.seat", List.of("tool", "user", "assignedAt")),
          Map.entry("agent.org_usage", List.of("tool", "account", "day")),
          Map.entry("meeting.summary", List.of("member", "week", "hours")),
          Map.entry("bet.signal", List.of("betId", "name", "value", "at")),
          Map.entry("bet.learning", List.of("betId", "author", "text", "at")),
          Map.entry("pulse.score", List.of("respondent", "week", "question", "score")));

  static final Map<String, Set<String>> VALUES =
      Map.of(
          "action",
              Set.of(
                  "reopened",
                  "edited",
                  "labeled",
                  "unlabeled",
                  "converted_to_draft",
                  "synchronize",
                  "review_requested"),
          "state", Set.of("approved", "changes_requested", "commented", "dismissed"),
          "conclusion",
              Set.of("success", "failure", "cancelled", "skipped", "timed_out", "neutral"),
          "status", Set.of("success", "failure"),
          "question", Set.of("satisfaction", "flow", "collaboration"));

  static final Set<String> TIMESTAMPS =
      Set.of(
          "createdAt",
          "at",
          "submittedAt",
          "mergedAt",
          "closedAt",
          "authoredAt",
          "committedAt",
          "completedAt",
          "startedAt",
          "finishedAt",
          "firstCommitAt",
          "assignedAt");

  private EventContract() {}

  /** Every way the event breaks the contract; empty when it keeps it. */
  static List<String> violations(JsonNode e) {
    List<String> problems = new ArrayList<>();
    for (String field : List.of("id", "type", "source", "occurredAt", "schema", "data")) {
      if (!e.hasNonNull(field)) {
        problems.add("envelope lacks " + field);
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    String type = e.get("type").asText();
    JsonNode d = e.get("data");
    if (!REQUIRED.containsKey(type)) {
      return List.of("unknown type " + type);
    }
    if (e.get("id").asText().length() > 200) {
      problems.add("id longer than 200");
    }
    if (e.get("schema").asInt() != 1 || !e.get("schema").isInt()) {
      problems.add("schema is not 1");
    }
    if (!TIMESTAMP.matcher(e.get("occurredAt").asText()).matches()) {
      problems.add("occurredAt " + e.get("occurredAt"));
    }
    if ((type.startsWith("pr.") || type.startsWith("commit") || type.startsWith("ci."))
        && !e.hasNonNull("repo")) {
      problems.add(type + " without repo");
    }
    if (e.hasNonNull("repo") && !e.get("repo").asText().matches("[\\w.-]+/[\\w.-]+")) {
      problems.add("repo is not owner/name: " + e.get("repo"));
    }
    for (String field : REQUIRED.get(type)) {
      if (!d.hasNonNull(field)) {
        problems.add(type + " lacks data." + field);
      }
    }
    d.fieldNames()
        .forEachRemaining(
            f -> {
              if (TIMESTAMPS.contains(f) && !TIMESTAMP.matcher(d.get(f).asText()).matches()) {
                problems.add(type + " data." + f + " is not an ISO instant with Z: " + d.get(f));
              }
              if (VALUES.containsKey(f) && !VALUES.get(f).contains(d.get(f).asText())) {
                problems.add(type + " data." + f + " = " + d.get(f));
              }
            });
    problems.addAll(typeSpecific(type, d));
    String expected = expectedId(e);
    if (!e.get("id").asText().equals(expected)) {
      problems.add("id " + e.get("id").asText() + " does not follow its template: " + expected);
    }
    return problems;
  }

  private static List<String> typeSpecific(String type, JsonNode d) {
    List<String> problems = new ArrayList<>();
    switch (type) {
      case "commit" -> {
        JsonNode author = d.get("author");
        if (!author.hasNonNull("name") || !author.hasNonNull("email")) {
          problems.add("commit author needs name and email");
        }
        for (JsonNode f : d.path("files")) {
          if (!f.hasNonNull("path") || !f.has("additions") || !f.has("deletions")) {
            problems.add("commit file needs path, additions, deletions");
          }
        }
        for (JsonNode t : d.path("trailers")) {
          if (!d.get("message")
              .asText()
              .contains(t.get("key").asText() + ": " + t.get("value").asText())) {
            problems.add("trailer not verbatim in message: " + t);
          }
        }
      }
      case "pr.merged" -> {
        for (JsonNode f : d.path("files")) {
          if (!f.hasNonNull("path") || !f.has("additions") || !f.has("deletions")) {
            problems.add("pr file needs path, additions, deletions");
          }
        }
      }
      case "commit.attribution" -> {
        if (!Set.of("line", "telemetry").contains(d.get("source").asText())) {
          problems.add("attribution source " + d.get("source"));
        }
        for (JsonNode f : d.get("files")) {
          if (!f.hasNonNull("path") || !f.has("aiLines")) {
            problems.add("attribution file needs path and aiLines");
          }
        }
      }
      case "agent.usage" -> {
        if (!DAY.matcher(d.get("day").asText()).matches()) {
          problems.add("usage day " + d.get("day"));
        }
      }
      case "meeting.summary", "pulse.score" -> {
        if (!WEEK.matcher(d.get("week").asText()).matches()) {
          problems.add("week " + d.get("week"));
        }
        if (type.equals("pulse.score")
            && (d.get("score").asInt() < 1 || d.get("score").asInt() > 5)) {
          problems.add("pulse score " + d.get("score"));
        }
      }
      case "bet.signal" -> {
        if (!d.get("value").isNumber()) {
          problems.add("signal value is not a number");
        }
      }
      default -> {}
    }
    return problems;
  }

  /** The id EVENTS.md's templates give this event. */
  static String expectedId(JsonNode e) {
    JsonNode d = e.get("data");
    String repo = e.path("repo").asText();
    String pr = "pr:" + repo + "#" + d.path("number").asText();
    return switch (e.get("type").asText()) {
      case "pr.opened" -> pr + ":opened";
      case "pr.merged" -> pr + ":merged";
      case "pr.closed" -> pr + ":closed";
      case "pr.ready_for_review" -> pr + ":ready";
      case "pr.updated" -> pr + ":updated:" + d.get("at").asText();
      case "pr.review_submitted" ->
          "review:"
              + repo
              + "#"
              + d.get("number").asText()
              + ":"
              + (d.hasNonNull("reviewId")
                  ? d.get("reviewId").asText()
                  : d.get("reviewer").asText() + "@" + d.get("submittedAt").asText());
      case "commit" -> "commit:" + repo + "@" + d.get("sha").asText();
      case "commit.attribution" ->
          "attribution:" + repo + "@" + d.get("sha").asText() + ":" + d.get("source").asText();
      case "ci.run_completed" -> "ci:" + repo + ":" + d.get("runId").asText();
      case "deployment.finished" ->
          "deploy:" + d.get("service").asText() + ":" + d.get("deploymentId").asText();
      case "incident.opened" -> "incident:" + d.get("incidentId").asText() + ":opened";
      case "incident.resolved" -> "incident:" + d.get("incidentId").asText() + ":resolved";
      case "agent.usage" ->
          "usage:"
              + d.get("tool").asText()
              + ":"
              + d.get("user").asText()
              + ":"
              + d.get("day").asText();
      case "agent.seat" -> "seat:" + d.get("tool").asText() + ":" + d.get("user").asText();
      case "agent.org_usage" ->
          "org-usage:"
              + d.get("tool").asText()
              + ":"
              + d.get("account").asText()
              + ":"
              + d.get("day").asText();
      case "meeting.summary" ->
          "meeting:" + d.get("member").asText() + ":" + d.get("week").asText();
      case "bet.signal" ->
          "signal:"
              + d.get("betId").asText()
              + ":"
              + d.get("name").asText()
              + ":"
              + d.get("at").asText();
      case "bet.learning" -> "learning:" + d.get("betId").asText() + ":" + d.get("at").asText();
      case "pulse.score" ->
          "pulse:"
              + d.get("respondent").asText()
              + ":"
              + d.get("week").asText()
              + ":"
              + d.get("question").asText();
      default -> "?";
    };
  }
}
