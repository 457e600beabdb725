package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.commits.CommitMessage;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventLimits;
import java.time.Instant;

/**
 * A REST commit object — an item of a pull request's commits, or a single commit with its files and
 * stats — as a {@code commit} event. A file GitHub shows without a {@code patch} and without line
 * counts is binary; the author's login is null when the e-mail maps to no GitHub account.
 */
final class CommitEvents {

  private final CanonicalEventBuilder events;

  CommitEvents(CanonicalEventBuilder events) {
    this.events = events;
  }

  /**
   * @param prNumber the pull request the commit was listed under, or null
   */
  CanonicalEvent commit(String repo, GitHubObject item, Integer prNumber) {
    String sha = item.text("sha");
    GitHubObject commit = item.requiredObject("commit");
    Instant authored = commit.instant("author.date");
    Instant committed = commit.optionalInstant("committer.date");
    if (committed == null) {
      committed = authored;
    }
    String message = commit.optionalText("message");
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("sha", sha);
    ObjectNode author = d.putObject("author");
    author.put("name", commit.text("author.name"));
    author.put("email", commit.text("author.email"));
    String login = item.object("author") == null ? null : item.optionalText("author.login");
    if (login != null) {
      author.put("login", login);
    }
    d.put("authoredAt", authored.toString());
    d.put("committedAt", committed.toString());
    if (commit.has("committer.name")) {
      ObjectNode committer = d.putObject("committer");
      committer.put("name", commit.text("committer.name"));
      committer.put("email", commit.text("committer.email"));
    }
    ArrayNode parents = d.putArray("parents");
    for (GitHubObject parent : item.objects("parents")) {
      parents.add(parent.text("sha"));
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
      Integer fromMessage = CommitMessage.pullRequestNumber(message).orElse(null);
      Integer pr = prNumber != null ? prNumber : fromMessage;
      if (pr != null) {
        d.put("prNumber", pr);
      }
    } else if (prNumber != null) {
      d.put("prNumber", prNumber);
    }
    if (item.has("files")) {
      ArrayNode files = d.putArray("files");
      for (GitHubObject file : item.objects("files")) {
        long added = file.number("additions");
        long deleted = file.number("deletions");
        ObjectNode f =
            files
                .addObject()
                .put("path", CanonicalEventBuilder.upTo(file.text("filename"), EventLimits.PATH))
                .put("additions", added)
                .put("deletions", deleted);
        if (!file.has("patch") && added == 0 && deleted == 0) {
          f.put("binary", true);
        }
      }
    } else if (item.has("stats")) {
      d.put("additions", item.number("stats.additions"));
      d.put("deletions", item.number("stats.deletions"));
    }
    return events.build("commit:" + repo + "@" + sha, "commit", committed, repo, login, d);
  }
}
