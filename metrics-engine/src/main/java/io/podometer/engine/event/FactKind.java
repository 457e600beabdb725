package io.podometer.engine.event;

/** The kinds of facts events fold into (EVENTS.md, "Facts merge by natural key"). */
public enum FactKind {
  PULL_REQUEST,
  REVIEW,
  COMMIT,
  COMMIT_ATTRIBUTION,
  CI_RUN,
  DEPLOYMENT,
  INCIDENT,
  AGENT_USAGE_DAY,
  AGENT_SEAT,
  AGENT_ORG_DAY,
  MEETING_WEEK,
  BET_SIGNAL,
  BET_LEARNING,
  PULSE_ANSWER;

  /**
   * The kinds describing code changes — pull requests, their commits and those commits'
   * attribution, reviews — and {@code others}: what a metric family reading changes declares.
   */
  public static java.util.Set<FactKind> changesAnd(FactKind... others) {
    java.util.EnumSet<FactKind> kinds =
        java.util.EnumSet.of(PULL_REQUEST, COMMIT, COMMIT_ATTRIBUTION, REVIEW);
    kinds.addAll(java.util.List.of(others));
    return java.util.Collections.unmodifiableSet(kinds);
  }
}
