package io.podometer.engine.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code data} of a canonical event, one record per type (EVENTS.md). Optional fields are null
 * when the event does not carry them; list fields are then null too (not empty), so a fold can tell
 * "not said" from "said empty".
 */
public sealed interface EventData {

  record PrOpened(
      int number,
      String title,
      String author,
      Instant createdAt,
      String headBranch,
      String baseBranch,
      Boolean draft,
      List<String> labels,
      String body)
      implements EventData {}

  record PrUpdated(
      int number,
      Instant at,
      String action,
      String title,
      List<String> labels,
      Boolean draft,
      String headSha,
      String requestedReviewer)
      implements EventData {}

  record PrReadyForReview(int number, Instant at) implements EventData {}

  record PrReviewSubmitted(
      int number, String reviewer, String state, Instant submittedAt, String reviewId)
      implements EventData {}

  record ChangedFile(String path, Integer additions, Integer deletions, Boolean binary) {}

  record PrMerged(
      int number,
      String author,
      Instant mergedAt,
      String mergeCommitSha,
      int additions,
      int deletions,
      String title,
      List<String> labels,
      Integer changedFiles,
      Instant firstCommitAt,
      String headBranch,
      String baseBranch,
      String mergedBy,
      List<ChangedFile> files)
      implements EventData {}

  record PrClosed(int number, Instant closedAt) implements EventData {}

  record Person(String name, String email, String login) {}

  record Trailer(String key, String value) {}

  record Commit(
      String sha,
      Person author,
      Instant authoredAt,
      Instant committedAt,
      Person committer,
      List<String> parents,
      String message,
      List<Trailer> trailers,
      List<ChangedFile> files,
      Integer additions,
      Integer deletions,
      String branch,
      Integer prNumber)
      implements EventData {}

  record AttributedFile(String path, int aiLines, String ranges) {}

  record CommitAttribution(
      String sha, String source, String tool, String model, List<AttributedFile> files)
      implements EventData {}

  record CiRunCompleted(
      String runId,
      String workflow,
      String conclusion,
      Instant completedAt,
      Instant startedAt,
      String headSha,
      String branch,
      List<Integer> prNumbers)
      implements EventData {}

  record DeploymentFinished(
      String deploymentId,
      String service,
      String environment,
      String status,
      Instant finishedAt,
      Instant startedAt,
      String sha,
      String rollbackOf,
      List<String> labels)
      implements EventData {}

  record IncidentOpened(
      String incidentId,
      String service,
      Instant at,
      String severity,
      String title,
      String causedByDeploymentId,
      String causedBySha)
      implements EventData {}

  record IncidentResolved(String incidentId, Instant at) implements EventData {}

  record AgentUsage(
      String tool,
      String user,
      LocalDate day,
      String period,
      Boolean active,
      Integer suggestions,
      Integer acceptances,
      Integer linesSuggested,
      Integer linesAccepted,
      Integer linesAdded,
      Integer linesRemoved,
      Integer sessions,
      Integer commits,
      Integer pullRequests,
      Integer editAccepts,
      Integer editRejects,
      Long tokens,
      Double costUsd,
      Double activeSeconds,
      Integer permissionBypasses)
      implements EventData {}

  /**
   * A seat of an agent tool assigned to a user, as the vendor's seat list shows it: the account
   * billed for it (a GitHub organization or enterprise…), since when, the last activity it saw, and
   * when it ends (a pending cancellation) or was removed; {@code usageKnownFrom}: the first day the
   * seat's use is known (its tool's telemetry or reports began), when later than its assignment —
   * before it, the seat is neither used nor idle but unknown; {@code listedAt}: when a listing last
   * showed it.
   */
  record AgentSeat(
      String tool,
      String user,
      String account,
      Instant assignedAt,
      Instant lastActivityAt,
      String lastActivityEditor,
      LocalDate endsOn,
      Instant removedAt,
      LocalDate usageKnownFrom,
      Instant listedAt)
      implements EventData {

    /**
     * The first day the seat is no longer held, in {@code zone}, or null while it is: from its
     * removal, or the day after its cancellation date — each unless a later listing shows the seat
     * again ({@code listedAt}: facts merge field by field, so a listing cannot erase an earlier
     * removal; it outdates it).
     */
    public LocalDate endDay(java.time.ZoneId zone) {
      LocalDate listed = listedAt == null ? null : listedAt.atZone(zone).toLocalDate();
      LocalDate end = null;
      if (removedAt != null && (listedAt == null || !removedAt.isBefore(listedAt))) {
        end = removedAt.atZone(zone).toLocalDate();
      }
      if (endsOn != null && (listed == null || !listed.isAfter(endsOn))) {
        LocalDate after = endsOn.plusDays(1);
        end = end == null || after.isBefore(end) ? after : end;
      }
      return end;
    }
  }

  /**
   * An organization's (or enterprise's) day of an agent tool as its vendor totals it, people not
   * told apart: what the older GitHub {@code /copilot/metrics} files and the organization-level
   * usage reports give. Kept and shown as it is, never spread over people.
   */
  record AgentOrgUsage(
      String tool,
      String account,
      LocalDate day,
      Integer activeUsers,
      Integer engagedUsers,
      Long suggestions,
      Long acceptances,
      Long linesSuggested,
      Long linesAccepted,
      Long linesRemoved,
      Long chats)
      implements EventData {}

  record MeetingSummary(String member, String week, double hours) implements EventData {}

  record BetSignal(String betId, String name, double value, Instant at) implements EventData {}

  record BetLearning(String betId, String author, String text, Instant at) implements EventData {}

  record PulseScore(String respondent, String week, String question, int score)
      implements EventData {}
}
