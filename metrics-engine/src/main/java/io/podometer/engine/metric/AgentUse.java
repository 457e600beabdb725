package io.podometer.engine.metric;

import io.podometer.engine.event.EventData.AgentUsage;

/** When an agent-usage day means the agent was used: one rule for every figure and page. */
public final class AgentUse {

  private AgentUse() {}

  /**
   * Whether the agent was used that day: the day is marked active; without the mark, any reported
   * activity (sessions, suggestions, edits, lines, commits, pull requests, tokens, cost, time)
   * counts.
   */
  public static boolean used(AgentUsage usage) {
    if (usage.active() != null) {
      return usage.active();
    }
    return positive(usage.sessions())
        || positive(usage.suggestions())
        || positive(usage.acceptances())
        || positive(usage.linesAccepted())
        || positive(usage.linesAdded())
        || positive(usage.editAccepts())
        || positive(usage.editRejects())
        || positive(usage.commits())
        || positive(usage.pullRequests())
        || usage.tokens() != null && usage.tokens() > 0
        || usage.costUsd() != null && usage.costUsd() > 0
        || usage.activeSeconds() != null && usage.activeSeconds() > 0;
  }

  private static boolean positive(Integer value) {
    return value != null && value > 0;
  }

  /**
   * Whether the day is a reading of the tool's telemetry rather than a bare mark of activity: a
   * whole day's report (used or not), or a piece with any counter. A piece that only marks the day
   * active (a seat list's last activity) says nothing of the other days.
   */
  public static boolean reported(AgentUsage usage) {
    if (!"part".equals(usage.period())) {
      return true;
    }
    return usage.sessions() != null
        || usage.suggestions() != null
        || usage.acceptances() != null
        || usage.linesSuggested() != null
        || usage.linesAccepted() != null
        || usage.linesAdded() != null
        || usage.linesRemoved() != null
        || usage.editAccepts() != null
        || usage.editRejects() != null
        || usage.commits() != null
        || usage.pullRequests() != null
        || usage.tokens() != null
        || usage.costUsd() != null
        || usage.activeSeconds() != null
        || usage.permissionBypasses() != null;
  }
}
