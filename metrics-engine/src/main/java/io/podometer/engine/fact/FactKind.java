package io.podometer.engine.fact;

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
  MEETING_WEEK,
  BET_SIGNAL,
  BET_LEARNING,
  PULSE_ANSWER
}
