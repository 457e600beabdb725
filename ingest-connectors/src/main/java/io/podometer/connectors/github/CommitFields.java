package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.commits.CommitMessage;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.EventLimits;
import java.time.Instant;

/** The fields of a {@code commit} event that a push and the REST API both give. */
final class CommitFields {

  private CommitFields() {}

  /**
   * Author and committer (name and e-mail from the commit; the author's GitHub login when known)
   * with their dates.
   */
  static void people(
      ObjectNode d,
      GitHubObject commit,
      String authorLogin,
      Instant authored,
      Instant committed,
      boolean withCommitter) {
    ObjectNode author = d.putObject("author");
    author.put("name", commit.text("author.name"));
    author.put("email", commit.text("author.email"));
    if (authorLogin != null) {
      author.put("login", authorLogin);
    }
    d.put("authoredAt", authored.toString());
    d.put("committedAt", committed.toString());
    if (withCommitter) {
      ObjectNode committer = d.putObject("committer");
      committer.put("name", commit.text("committer.name"));
      committer.put("email", commit.text("committer.email"));
    }
  }

  /**
   * The message with its trailers, and the pull request: the one it was listed under, else the one
   * its subject names.
   */
  static void message(ObjectNode d, String message, Integer listedUnder) {
    Integer pr = listedUnder;
    if (message != null) {
      d.put("message", CanonicalEventBuilder.upTo(message, EventLimits.TEXT));
      ArrayNode trailers = d.putArray("trailers");
      for (CommitMessage.Trailer trailer : CommitMessage.trailers(message)) {
        trailers
            .addObject()
            .put("key", trailer.key())
            .put("value", CanonicalEventBuilder.upTo(trailer.value(), EventLimits.TEXT));
      }
      if (pr == null) {
        pr = CommitMessage.pullRequestNumber(message).orElse(null);
      }
    }
    if (pr != null) {
      d.put("prNumber", pr);
    }
  }
}
