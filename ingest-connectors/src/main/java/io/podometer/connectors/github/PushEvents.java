package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.commits.CommitEventFields;
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
    String login = commit.optionalText("author.username");
    CommitFields.people(d, commit, login, at, at, commit.has("committer"));
    CommitEventFields.message(d, message, null);
    d.put("branch", CanonicalEventBuilder.upTo(branch, EventLimits.PATH));
    return events.build("commit:" + repo + "@" + sha, "commit", at, repo, login, d);
  }
}
