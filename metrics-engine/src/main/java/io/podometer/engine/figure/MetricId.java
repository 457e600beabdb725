package io.podometer.engine.figure;

import static io.podometer.engine.figure.Aggregation.DERIVED;
import static io.podometer.engine.figure.Aggregation.DISTINCT_COUNT;
import static io.podometer.engine.figure.Aggregation.DISTINCT_RATIO;
import static io.podometer.engine.figure.Aggregation.GINI;
import static io.podometer.engine.figure.Aggregation.MEDIAN;
import static io.podometer.engine.figure.Aggregation.P90;
import static io.podometer.engine.figure.Aggregation.RATIO;
import static io.podometer.engine.figure.Aggregation.SUM;
import static io.podometer.engine.figure.Aggregation.SUM_PER_DISTINCT;
import static io.podometer.engine.figure.Aggregation.TOP_SHARE;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every figure the engine computes, with its stable id (API, CSV, reports), how it pools, whether
 * it is derived from people's activity (and so subject to the privacy floor) and its unit.
 */
public enum MetricId {
  AI_CODE_SHARE("ai_code_share", RATIO, true, "share"),
  AGENT_ASSISTED_DIFFS("agent_assisted_diffs", RATIO, true, "share"),
  WEEKLY_ACTIVE_AI_USERS("weekly_active_ai_users", DISTINCT_RATIO, true, "share"),
  AI_FIRST_ENGINEERS("ai_first_engineers", DISTINCT_RATIO, true, "share"),
  MANUAL_EDIT_SHARE("manual_edit_share", RATIO, true, "share"),
  AGENT_AUTHORED_PRS("agent_authored_prs", RATIO, true, "share"),
  AGENT_COST_PER_PR_USD("agent_cost_per_pr_usd", RATIO, true, "USD"),
  WEEKS_TO_90PCT_ADOPTION("weeks_to_90pct_adoption", DERIVED, true, "weeks"),
  SEAT_UTILIZATION("seat_utilization", RATIO, true, "share"),
  IDLE_SEATS("idle_seats", SUM, true, "seats"),
  IDLE_SEAT_COST_USD("idle_seat_cost_usd", SUM, true, "USD per month"),
  DAYS_TO_FIRST_AI_USE("days_to_first_ai_use", MEDIAN, true, "days"),
  AGENT_PR_MERGE_RATE("agent_pr_merge_rate", RATIO, true, "share"),
  HUMAN_PR_MERGE_RATE("human_pr_merge_rate", RATIO, true, "share"),
  DEPLOYMENT_FREQUENCY("deployment_frequency", SUM, false, "deployments"),
  DEPLOY_DAYS("deploy_days", DISTINCT_COUNT, false, "days"),
  LEAD_TIME_P50_HOURS("lead_time_p50_hours", MEDIAN, true, "hours"),
  LEAD_TIME_P90_HOURS("lead_time_p90_hours", P90, true, "hours"),
  LEAD_TIME_CODING_P50_HOURS("lead_time_coding_p50_hours", MEDIAN, true, "hours"),
  LEAD_TIME_PICKUP_P50_HOURS("lead_time_pickup_p50_hours", MEDIAN, true, "hours"),
  LEAD_TIME_REVIEW_P50_HOURS("lead_time_review_p50_hours", MEDIAN, true, "hours"),
  LEAD_TIME_DEPLOY_P50_HOURS("lead_time_deploy_p50_hours", MEDIAN, true, "hours"),
  CHANGE_FAILURE_RATE("change_failure_rate", RATIO, false, "share"),
  RECOVERY_TIME_P50_HOURS("recovery_time_p50_hours", MEDIAN, false, "hours"),
  REWORK_RATE("rework_rate", RATIO, false, "share"),
  TIME_TO_FIRST_REVIEW_P50_HOURS("time_to_first_review_p50_hours", MEDIAN, true, "hours"),
  TIME_TO_FIRST_REVIEW_P90_HOURS("time_to_first_review_p90_hours", P90, true, "hours"),
  REVIEW_WAIT_SHARE("review_wait_share", RATIO, true, "share"),
  TOP_REVIEWER_SHARE("top_reviewer_share", TOP_SHARE, true, "share"),
  REVIEW_LOAD_GINI("review_load_gini", GINI, true, "gini"),
  REVIEW_QUEUE("review_queue", SUM, true, "pull requests"),
  UNREVIEWED_MERGES("unreviewed_merges", RATIO, true, "share"),
  RUBBER_STAMP_APPROVALS("rubber_stamp_approvals", RATIO, true, "share"),
  THROUGHPUT_PER_ENGINEER("throughput_per_engineer", SUM_PER_DISTINCT, true, "PRs per engineer"),
  PR_SIZE_P50("pr_size_p50", MEDIAN, true, "lines"),
  UNLINKED_PR_SHARE("unlinked_pr_share", RATIO, true, "share"),
  REVERT_RATE("revert_rate", RATIO, true, "share"),
  AI_CHURN_PROXY("ai_churn_proxy", RATIO, true, "share"),
  FEATURE_VELOCITY_DAYS("feature_velocity_days", MEDIAN, true, "days"),
  PULSE_SATISFACTION("pulse_satisfaction", RATIO, true, "score 1-5"),
  PULSE_FLOW("pulse_flow", RATIO, true, "score 1-5"),
  PULSE_COLLABORATION("pulse_collaboration", RATIO, true, "score 1-5"),
  AGENT_ACCEPTANCE_RATE("agent_acceptance_rate", RATIO, true, "share"),
  SECURITY_SHORTCUTS("security_shortcuts", SUM, true, "changes"),
  UNTESTED_AI_PR_SHARE("untested_ai_pr_share", RATIO, true, "share"),
  UNCORROBORATED_AI_SHARE("uncorroborated_ai_share", RATIO, true, "share"),
  JUNIOR_REVIEWS_GIVEN("junior_reviews_given", SUM, true, "reviews"),
  JUNIOR_HUMAN_SHARE("junior_human_share", RATIO, true, "share"),
  JUNIOR_AGENT_ONLY_APPROVALS("junior_agent_only_approvals", RATIO, true, "share"),
  AGENT_EDIT_REJECT_RATE("agent_edit_reject_rate", RATIO, true, "share"),
  AGENT_TOKENS_PER_PR("agent_tokens_per_pr", RATIO, true, "tokens"),
  AGENT_TOKENS_PER_ACCEPTED_LINE("agent_tokens_per_accepted_line", RATIO, true, "tokens"),
  MEETING_HOURS_PER_ENGINEER("meeting_hours_per_engineer", SUM_PER_DISTINCT, true, "hours");

  private static final Map<String, MetricId> BY_ID =
      Arrays.stream(values()).collect(Collectors.toMap(MetricId::id, Function.identity()));

  private final String id;
  private final Aggregation aggregation;
  private final boolean peopleDerived;
  private final String unit;

  MetricId(String id, Aggregation aggregation, boolean peopleDerived, String unit) {
    this.id = id;
    this.aggregation = aggregation;
    this.peopleDerived = peopleDerived;
    this.unit = unit;
  }

  public String id() {
    return id;
  }

  public Aggregation aggregation() {
    return aggregation;
  }

  /** Figures about people's activity are withheld under the privacy floor; DORA ones are not. */
  public boolean peopleDerived() {
    return peopleDerived;
  }

  public String unit() {
    return unit;
  }

  public static Optional<MetricId> fromId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  @Override
  public String toString() {
    return id;
  }
}
