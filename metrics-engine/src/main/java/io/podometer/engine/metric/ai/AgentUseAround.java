package io.podometer.engine.metric.ai;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Whether a pull request's author used an agent around the days it was worked on. */
final class AgentUseAround {

  private AgentUseAround() {}

  /**
   * The weak signal: the PR's author used an agent on a day the PR was worked on (opened, a commit
   * authored, merged) or the day before, earliest work day first. Returns "tool on day", or null.
   */
  static String of(
      WeekSlots slots,
      UsageDays usage,
      PullRequestFact pr,
      List<CommitFact> branch,
      String member) {
    Map<LocalDate, String> used = usage.daysUsed(member, pr.author());
    if (used.isEmpty()) {
      return null;
    }
    long[] workDays = new long[branch.size() + 2];
    int n = 0;
    if (pr.createdAt() != null) {
      workDays[n++] = slots.epochDay(pr.createdAt());
    }
    if (pr.mergedAt() != null) {
      workDays[n++] = slots.epochDay(pr.mergedAt());
    }
    for (CommitFact commit : branch) {
      Instant at = commit.authoredAt() != null ? commit.authoredAt() : commit.committedAt();
      if (at != null) {
        workDays[n++] = slots.epochDay(at);
      }
    }
    Arrays.sort(workDays, 0, n);
    for (int i = 0; i < n; i++) {
      if (i > 0 && workDays[i] == workDays[i - 1]) {
        continue;
      }
      LocalDate day = LocalDate.ofEpochDay(workDays[i]);
      LocalDate before = day.minusDays(1);
      String tool = used.get(before);
      if (tool != null) {
        return tool + " on " + before;
      }
      tool = used.get(day);
      if (tool != null) {
        return tool + " on " + day;
      }
    }
    return null;
  }
}
