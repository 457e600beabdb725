package io.podometer.engine.fact;

import io.podometer.engine.event.EventData.ChangedFile;
import java.time.Instant;
import java.util.List;

/**
 * A pull request as its events told it. Any field may be null while its events have not all arrived
 * (a merge seen before the opening has no title yet).
 */
public record PullRequestFact(
    String repo,
    int number,
    String title,
    String author,
    Instant createdAt,
    String headBranch,
    String baseBranch,
    Boolean draft,
    List<String> labels,
    String body,
    Instant readyForReviewAt,
    Instant reopenedAt,
    Instant updatedAt,
    String lastAction,
    String headSha,
    String requestedReviewer,
    Instant mergedAt,
    String mergeCommitSha,
    Integer additions,
    Integer deletions,
    Integer changedFiles,
    Instant firstCommitAt,
    String mergedBy,
    List<ChangedFile> files,
    Instant closedAt) {

  public enum State {
    OPEN,
    MERGED,
    CLOSED
  }

  public PullRequestFact {
    labels = labels == null ? List.of() : List.copyOf(labels);
    files = files == null ? List.of() : List.copyOf(files);
  }

  public State state() {
    if (mergedAt != null) {
      return State.MERGED;
    }
    if (closedAt != null && (reopenedAt == null || closedAt.isAfter(reopenedAt))) {
      return State.CLOSED;
    }
    return State.OPEN;
  }

  /**
   * When review could start: the ready-for-review moment for a PR that was ever a draft, else its
   * creation.
   */
  public Instant readyForReview() {
    return readyForReviewAt != null ? readyForReviewAt : createdAt;
  }
}
