package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.commits.CommitEventFields;
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
    String login = item.object("author") == null ? null : item.optionalText("author.login");
    CommitFields.people(d, commit, login, authored, committed, commit.has("committer.name"));
    ArrayNode parents = d.putArray("parents");
    for (GitHubObject parent : item.objects("parents")) {
      parents.add(parent.text("sha"));
    }
    CommitEventFields.message(d, message, prNumber);
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
