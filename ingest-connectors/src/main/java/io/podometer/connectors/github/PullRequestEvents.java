package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventLimits;
import java.time.Instant;
import java.util.List;

/**
 * A pull request object — a webhook's {@code pull_request} or a REST item, which share their shape
 * — as {@code pr.*} events. A PR closed without merge still carries a {@code merge_commit_sha} (the
 * test merge GitHub computed): {@code merged} (or {@code merged_at}) decides, never the sha.
 */
final class PullRequestEvents {

  private final CanonicalEventBuilder events;

  PullRequestEvents(CanonicalEventBuilder events) {
    this.events = events;
  }

  static String prefix(String repo, long number) {
    return "pr:" + repo + "#" + number;
  }

  static boolean merged(GitHubObject pr) {
    return pr.flag("merged") || pr.has("merged_at");
  }

  CanonicalEvent opened(String repo, GitHubObject pr) {
    long number = pr.number("number");
    Instant created = pr.instant("created_at");
    String author = pr.login("user");
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("number", number);
    d.put("title", CanonicalEventBuilder.upTo(pr.text("title"), EventLimits.TITLE));
    d.put("author", author);
    d.put("createdAt", created.toString());
    branches(pr, d);
    d.put("draft", pr.flag("draft"));
    labels(pr, d);
    String body = pr.optionalText("body");
    if (body != null) {
      d.put("body", CanonicalEventBuilder.upTo(body, EventLimits.TEXT));
    }
    return events.build(prefix(repo, number) + ":opened", "pr.opened", created, repo, author, d);
  }

  /**
   * @param action one of EVENTS.md's {@code pr.updated} actions
   * @param requestedReviewer the login a review was requested from, or null
   */
  CanonicalEvent updated(
      String repo, GitHubObject pr, String action, String requestedReviewer, String actor) {
    long number = pr.number("number");
    Instant at = pr.instant("updated_at");
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("number", number);
    d.put("at", at.toString());
    d.put("action", action);
    d.put("title", CanonicalEventBuilder.upTo(pr.text("title"), EventLimits.TITLE));
    labels(pr, d);
    d.put("draft", pr.flag("draft"));
    String headSha = pr.optionalText("head.sha");
    if (headSha != null) {
      d.put("headSha", headSha);
    }
    if (requestedReviewer != null) {
      d.put("requestedReviewer", requestedReviewer);
    }
    return events.build(prefix(repo, number) + ":updated:" + at, "pr.updated", at, repo, actor, d);
  }

  CanonicalEvent readyForReview(String repo, GitHubObject pr, String actor) {
    long number = pr.number("number");
    Instant at = pr.instant("updated_at");
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("number", number);
    d.put("at", at.toString());
    return events.build(prefix(repo, number) + ":ready", "pr.ready_for_review", at, repo, actor, d);
  }

  /** A closed PR: merged, or closed without merge. */
  CanonicalEvent closed(String repo, GitHubObject pr) {
    long number = pr.number("number");
    if (!merged(pr)) {
      Instant closed = pr.instant("closed_at");
      ObjectNode d = CanonicalEventBuilder.data();
      d.put("number", number);
      d.put("closedAt", closed.toString());
      return events.build(prefix(repo, number) + ":closed", "pr.closed", closed, repo, null, d);
    }
    Instant mergedAt = pr.instant("merged_at");
    String author = pr.login("user");
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("number", number);
    d.put("author", author);
    d.put("mergedAt", mergedAt.toString());
    d.put("mergeCommitSha", pr.text("merge_commit_sha"));
    // the REST list of pull requests leaves out the line counts; the single PR has them
    d.put("additions", pr.number("additions"));
    d.put("deletions", pr.number("deletions"));
    d.put("title", CanonicalEventBuilder.upTo(pr.text("title"), EventLimits.TITLE));
    labels(pr, d);
    Long changedFiles = pr.optionalNumber("changed_files");
    if (changedFiles != null) {
      d.put("changedFiles", changedFiles);
    }
    branches(pr, d);
    String mergedBy = pr.object("merged_by") == null ? null : pr.login("merged_by");
    if (mergedBy != null) {
      d.put("mergedBy", mergedBy);
    }
    return events.build(prefix(repo, number) + ":merged", "pr.merged", mergedAt, repo, mergedBy, d);
  }

  private static void branches(GitHubObject pr, ObjectNode d) {
    String head = pr.optionalText("head.ref");
    if (head != null) {
      d.put("headBranch", CanonicalEventBuilder.upTo(head, EventLimits.PATH));
    }
    String base = pr.optionalText("base.ref");
    if (base != null) {
      d.put("baseBranch", CanonicalEventBuilder.upTo(base, EventLimits.PATH));
    }
  }

  private static void labels(GitHubObject pr, ObjectNode d) {
    List<String> labels = pr.names("labels");
    ArrayNode array = d.putArray("labels");
    labels.forEach(array::add);
  }
}
