package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
}
