package io.podometer.connectors.simulate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.simulate.Change.FileChange;
import io.podometer.connectors.simulate.Change.Trailer;
import java.util.List;

/**
 * Canonical events (EVENTS.md, schema 1) with their id templates. Every event carries the envelope
 * in the contract's field order; {@code occurredAt} is the latest instant in its data.
 */
final class CanonicalEvents {
  static final String SOURCE = "simulator";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  record Review(long reviewId, String reviewer, String state, long at) {}

  record Deployment(
      String id,
      Repo repo,
      String environment,
      String status,
      long startedAt,
      long finishedAt,
      String sha,
      String rollbackOf) {}

  /** One tool's figures for one user-day; counts in events or lines, cost in US dollars. */
  record UsageDay(
      String tool,
      String user,
      String day,
      boolean active,
      int suggestions,
      int acceptances,
      int linesAdded,
      int linesRemoved,
      int editAccepts,
      int editRejects,
      long tokens,
      double costUsd,
      int sessions,
      long activeSeconds,
      int permissionBypasses) {}

  private CanonicalEvents() {}

  private static ObjectNode event(
      String id, String type, long at, String repo, String actor, ObjectNode data) {
    ObjectNode e = JSON.objectNode();
    e.put("id", id);
    e.put("type", type);
    e.put("source", SOURCE);
    e.put("occurredAt", Times.iso(at));
    if (repo != null) {
      e.put("repo", repo);
    }
    if (actor != null) {
      e.put("actor", actor);
    }
    e.put("schema", 1);
    e.set("data", data);
    return e;
  }

  private static String pr(PullRequest pr) {
    return "pr:" + pr.repo.name + "#" + pr.number;
  }

  /** {@code title} and {@code labels}: as they were when the pull request was opened. */
  static ObjectNode prOpened(
      PullRequest pr, long at, String title, boolean draft, List<String> labels) {
    ObjectNode d = JSON.objectNode();
    d.put("number", pr.number);
    d.put("title", title);
    d.put("author", pr.author.login());
    d.put("createdAt", Times.iso(at));
    d.put("headBranch", pr.headBranch);
    d.put("baseBranch", Repo.DEFAULT_BRANCH);
    d.put("draft", draft);
    d.set("labels", strings(labels));
    if (pr.body != null) {
      d.put("body", pr.body);
    }
    return event(pr(pr) + ":opened", "pr.opened", at, pr.repo.name, pr.author.login(), d);
  }

  /** {@code labels}, {@code headSha}, {@code requestedReviewer}: null when the action has none. */
  static ObjectNode prUpdated(
      PullRequest pr,
      long at,
      String action,
      String actor,
      List<String> labels,
      String headSha,
      String requestedReviewer) {
    ObjectNode d = JSON.objectNode();
    d.put("number", pr.number);
    d.put("at", Times.iso(at));
    d.put("action", action);
    if (action.equals("edited")) {
      d.put("title", pr.title);
    }
    if (labels != null) {
      d.set("labels", strings(labels));
    }
    if (headSha != null) {
      d.put("headSha", headSha);
    }
    if (requestedReviewer != null) {
      d.put("requestedReviewer", requestedReviewer);
    }
    return event(pr(pr) + ":updated:" + Times.iso(at), "pr.updated", at, pr.repo.name, actor, d);
  }

  static ObjectNode prReady(PullRequest pr, long at) {
    ObjectNode d = JSON.objectNode();
    d.put("number", pr.number);
    d.put("at", Times.iso(at));
    return event(pr(pr) + ":ready", "pr.ready_for_review", at, pr.repo.name, pr.author.login(), d);
  }

  static ObjectNode review(PullRequest pr, Review r) {
    ObjectNode d = JSON.objectNode();
    d.put("number", pr.number);
    d.put("reviewer", r.reviewer());
    d.put("state", r.state());
    d.put("submittedAt", Times.iso(r.at()));
    d.put("reviewId", String.valueOf(r.reviewId()));
    return event(
        "review:" + pr.repo.name + "#" + pr.number + ":" + r.reviewId(),
        "pr.review_submitted",
        r.at(),
        pr.repo.name,
        r.reviewer(),
        d);
  }

  static ObjectNode prMerged(PullRequest pr, long at, Author mergedBy) {
    List<FileChange> files = pr.files();
    int additions = 0;
    int deletions = 0;
    for (FileChange f : files) {
      additions += f.additions();
      deletions += f.deletions();
    }
    ObjectNode d = JSON.objectNode();
    d.put("number", pr.number);
    d.put("author", pr.author.login());
    d.put("mergedAt", Times.iso(at));
    d.put("mergeCommitSha", pr.mergeSha);
    d.put("additions", additions);
    d.put("deletions", deletions);
    d.put("title", pr.title);
    d.set("labels", strings(pr.labels));
    d.put("changedFiles", files.size());
    d.put("firstCommitAt", Times.iso(pr.commits.get(0).at()));
    d.put("headBranch", pr.headBranch);
    d.put("baseBranch", Repo.DEFAULT_BRANCH);
    d.put("mergedBy", mergedBy.login());
    d.set("files", files(files));
    return event(pr(pr) + ":merged", "pr.merged", at, pr.repo.name, mergedBy.login(), d);
  }

  static ObjectNode prClosed(PullRequest pr, long at, String actor) {
    ObjectNode d = JSON.objectNode();
    d.put("number", pr.number);
    d.put("closedAt", Times.iso(at));
    return event(pr(pr) + ":closed", "pr.closed", at, pr.repo.name, actor, d);
  }

  static ObjectNode commit(Repo repo, Change c, List<String> parents, Author committer) {
    ObjectNode d = JSON.objectNode();
    d.put("sha", c.sha());
    d.set("author", person(c.author(), true));
    d.put("authoredAt", Times.iso(c.at()));
    d.put("committedAt", Times.iso(c.at()));
    d.set("committer", person(committer, false));
    d.set("parents", strings(parents));
    d.put("message", c.message());
    if (!c.trailers().isEmpty()) {
      ArrayNode trailers = d.putArray("trailers");
      for (Trailer t : c.trailers()) {
        trailers.addObject().put("key", t.key()).put("value", t.value());
      }
    }
    if (!c.files().isEmpty()) {
      d.set("files", files(c.files()));
    }
    d.put("branch", c.branch());
    if (c.prNumber() != null) {
      d.put("prNumber", c.prNumber());
    }
    return event(
        "commit:" + repo.name + "@" + c.sha(), "commit", c.at(), repo.name, c.author().login(), d);
  }

  /** Line-level authorship: the AI-written lines of each file, as the ranges from line 1. */
  static ObjectNode attribution(
      Repo repo, Change c, long at, String tool, String model, double share) {
    ObjectNode d = JSON.objectNode();
    d.put("sha", c.sha());
    d.put("source", "line");
    d.put("tool", tool);
    d.put("model", model);
    ArrayNode files = d.putArray("files");
    for (FileChange f : c.files()) {
      int ai = (int) Math.round(f.additions() * share);
      if (ai > 0) {
        files.addObject().put("path", f.path()).put("aiLines", ai).put("ranges", "1-" + ai);
      }
    }
    return event(
        "attribution:" + repo.name + "@" + c.sha() + ":line",
        "commit.attribution",
        at,
        repo.name,
        null,
        d);
  }

  static ObjectNode ciRun(
      Repo repo,
      long runId,
      String workflow,
      String conclusion,
      long startedAt,
      long completedAt,
      String headSha,
      String branch,
      Integer prNumber) {
    ObjectNode d = JSON.objectNode();
    d.put("runId", String.valueOf(runId));
    d.put("workflow", workflow);
    d.put("conclusion", conclusion);
    d.put("completedAt", Times.iso(completedAt));
    d.put("startedAt", Times.iso(startedAt));
    d.put("headSha", headSha);
    d.put("branch", branch);
    if (prNumber != null) {
      d.putArray("prNumbers").add(prNumber);
    }
    return event(
        "ci:" + repo.name + ":" + runId, "ci.run_completed", completedAt, repo.name, null, d);
  }

  static ObjectNode deployment(Deployment dep) {
    ObjectNode d = JSON.objectNode();
    d.put("deploymentId", dep.id());
    d.put("service", dep.repo().service.id());
    d.put("environment", dep.environment());
    d.put("status", dep.status());
    d.put("finishedAt", Times.iso(dep.finishedAt()));
    d.put("startedAt", Times.iso(dep.startedAt()));
    d.put("sha", dep.sha());
    if (dep.rollbackOf() != null) {
      d.put("rollbackOf", dep.rollbackOf());
    }
    return event(
        "deploy:" + dep.repo().service.id() + ":" + dep.id(),
        "deployment.finished",
        dep.finishedAt(),
        dep.repo().name,
        null,
        d);
  }

  /** {@code causedByDeploymentId} and {@code causedBySha}: null when nobody knows the cause yet. */
  static ObjectNode incidentOpened(
      String incidentId,
      String service,
      long at,
      String severity,
      String title,
      String causedByDeploymentId,
      String causedBySha) {
    ObjectNode d = JSON.objectNode();
    d.put("incidentId", incidentId);
    d.put("service", service);
    d.put("at", Times.iso(at));
    d.put("severity", severity);
    d.put("title", title);
    if (causedByDeploymentId != null) {
      d.put("causedByDeploymentId", causedByDeploymentId);
      d.put("causedBySha", causedBySha);
    }
    return event("incident:" + incidentId + ":opened", "incident.opened", at, null, null, d);
  }

  static ObjectNode incidentResolved(String incidentId, long at) {
    ObjectNode d = JSON.objectNode();
    d.put("incidentId", incidentId);
    d.put("at", Times.iso(at));
    return event("incident:" + incidentId + ":resolved", "incident.resolved", at, null, null, d);
  }

  static ObjectNode usage(UsageDay u, long at) {
    ObjectNode d = JSON.objectNode();
    d.put("tool", u.tool());
    d.put("user", u.user());
    d.put("day", u.day());
    d.put("active", u.active());
    d.put("suggestions", u.suggestions());
    d.put("acceptances", u.acceptances());
    d.put("linesAdded", u.linesAdded());
    d.put("linesRemoved", u.linesRemoved());
    d.put("editAccepts", u.editAccepts());
    d.put("editRejects", u.editRejects());
    d.put("tokens", u.tokens());
    d.put("costUsd", u.costUsd());
    d.put("sessions", u.sessions());
    d.put("activeSeconds", u.activeSeconds());
    if (u.permissionBypasses() > 0) {
      d.put("permissionBypasses", u.permissionBypasses());
    }
    return event(
        "usage:" + u.tool() + ":" + u.user() + ":" + u.day(), "agent.usage", at, null, null, d);
  }

  static ObjectNode seat(
      String tool,
      String user,
      java.time.LocalDate assigned,
      java.time.LocalDate knownFrom,
      long at) {
    ObjectNode d = JSON.objectNode();
    d.put("tool", tool);
    d.put("user", user);
    d.put("account", "demo");
    d.put("assignedAt", assigned + "T09:00:00Z");
    if (knownFrom.isAfter(assigned)) {
      d.put("usageKnownFrom", knownFrom.toString());
    }
    return event("seat:" + tool + ":" + user, "agent.seat", at, null, null, d);
  }

  static ObjectNode orgUsage(
      String tool, java.time.LocalDate day, UsageGenerator.CopilotTotals totals, long at) {
    ObjectNode d = JSON.objectNode();
    d.put("tool", tool);
    d.put("account", "demo");
    d.put("day", day.toString());
    d.put("activeUsers", totals.activeUsers);
    d.put("suggestions", totals.suggestions);
    d.put("acceptances", totals.acceptances);
    d.put("linesAccepted", totals.linesAdded);
    return event("org-usage:" + tool + ":demo:" + day, "agent.org_usage", at, null, null, d);
  }

  static ObjectNode meeting(String member, String week, double hours, long at) {
    ObjectNode d = JSON.objectNode();
    d.put("member", member);
    d.put("week", week);
    d.put("hours", hours);
    return event("meeting:" + member + ":" + week, "meeting.summary", at, null, null, d);
  }

  static ObjectNode pulse(String respondent, String week, String question, int score, long at) {
    ObjectNode d = JSON.objectNode();
    d.put("respondent", respondent);
    d.put("week", week);
    d.put("question", question);
    d.put("score", score);
    return event(
        "pulse:" + respondent + ":" + week + ":" + question, "pulse.score", at, null, null, d);
  }

  static ObjectNode betSignal(String betId, String name, double value, long at) {
    ObjectNode d = JSON.objectNode();
    d.put("betId", betId);
    d.put("name", name);
    d.put("value", value);
    d.put("at", Times.iso(at));
    return event(
        "signal:" + betId + ":" + name + ":" + Times.iso(at), "bet.signal", at, null, null, d);
  }

  static ObjectNode betLearning(String betId, String author, String text, long at) {
    ObjectNode d = JSON.objectNode();
    d.put("betId", betId);
    d.put("author", author);
    d.put("text", text);
    d.put("at", Times.iso(at));
    return event("learning:" + betId + ":" + Times.iso(at), "bet.learning", at, null, author, d);
  }

  private static ObjectNode person(Author a, boolean withLogin) {
    ObjectNode p = JSON.objectNode();
    p.put("name", a.name());
    p.put("email", a.email());
    if (withLogin && a.login() != null) {
      p.put("login", a.login());
    }
    return p;
  }

  private static ArrayNode files(List<FileChange> files) {
    ArrayNode array = JSON.arrayNode(files.size());
    for (FileChange f : files) {
      array
          .addObject()
          .put("path", f.path())
          .put("additions", f.additions())
          .put("deletions", f.deletions());
    }
    return array;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.arrayNode(values.size());
    values.forEach(array::add);
    return array;
  }
}
