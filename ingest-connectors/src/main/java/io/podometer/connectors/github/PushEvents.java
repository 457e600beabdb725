package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.commits.CommitMessage;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A push's commits as {@code commit} events. A push names no parents and no line counts (a git
 * import or the REST commit adds them to the same fact); its one {@code timestamp} stands for both
 * dates. A branch or tag deletion, and a tag push, carry no commit of a branch; a push lists at
 * most 2,048 commits (a backfill fetches the rest).
 */
final class PushEvents {

  private static final String BRANCH_REF = "refs/heads/";

  private final CanonicalEventBuilder events;

  PushEvents(CanonicalEventBuilder events) {
    this.events = events;
  }

  List<CanonicalEvent> commits(String repo, GitHubObject push) {
    String ref = push.text("ref");
    if (push.flag("deleted") || !ref.startsWith(BRANCH_REF)) {
      return List.of();
    }
    String branch = ref.substring(BRANCH_REF.length());
    List<CanonicalEvent> commits = new ArrayList<>();
    for (GitHubObject commit : push.objects("commits")) {
      commits.add(commit(repo, branch, commit));
    }
    return commits;
  }

  private CanonicalEvent commit(String repo, String branch, GitHubObject commit) {
    String sha = commit.text("id");
    Instant at = commit.instant("timestamp");
    String message = commit.optionalText("message");
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("sha", sha);
    ObjectNode author = d.putObject("author");
    author.put("name", commit.text("author.name"));
    author.put("email", commit.text("author.email"));
    String login = commit.optionalText("author.username");
    if (login != null) {
      author.put("login", login);
    }
    d.put("authoredAt", at.toString());
    d.put("committedAt", at.toString());
    if (commit.has("committer")) {
      ObjectNode committer = d.putObject("committer");
      committer.put("name", commit.text("committer.name"));
      committer.put("email", commit.text("committer.email"));
    }
    if (message != null) {
      d.put("message", CanonicalEventBuilder.upTo(message, EventLimits.TEXT));
      ArrayNode trailers = d.putArray("trailers");
      for (CommitMessage.Trailer trailer : CommitMessage.trailers(message)) {
        trailers
            .addObject()
            .put("key", trailer.key())
            .put("value", CanonicalEventBuilder.upTo(trailer.value(), EventLimits.TEXT));
      }
      CommitMessage.pullRequestNumber(message).ifPresent(n -> d.put("prNumber", n));
    }
    d.put("branch", CanonicalEventBuilder.upTo(branch, EventLimits.PATH));
    return events.build("commit:" + repo + "@" + sha, "commit", at, repo, login, d);
  }
}
