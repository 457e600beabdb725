package io.podometer.web.api;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.time.IsoWeek;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which kinds of sources cover a scope in the weeks asked (SPEC §5 "Completeness"): a kind covers
 * it when at least one of its figures exists there. A metric of an uncovered kind has no data — it
 * is not zero.
 */
public record Coverage(
    boolean pullRequests,
    boolean reviews,
    boolean deployments,
    boolean incidents,
    boolean agentTelemetry,
    boolean meetings,
    boolean pulse) {

  static Coverage of(Map<MetricId, TreeMap<IsoWeek, Figure>> series) {
    return new Coverage(
        any(series, MetricId.THROUGHPUT_PER_ENGINEER, MetricId.PR_SIZE_P50, MetricId.AI_CODE_SHARE),
        any(series, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, MetricId.REVIEW_QUEUE),
        any(series, MetricId.DEPLOYMENT_FREQUENCY),
        any(series, MetricId.RECOVERY_TIME_P50_HOURS),
        any(
            series,
            MetricId.WEEKLY_ACTIVE_AI_USERS,
            MetricId.AGENT_ACCEPTANCE_RATE,
            MetricId.AGENT_TOKENS_PER_PR),
        any(series, MetricId.MEETING_HOURS_PER_ENGINEER),
        any(series, MetricId.PULSE_SATISFACTION, MetricId.PULSE_FLOW));
  }

  private static boolean any(Map<MetricId, TreeMap<IsoWeek, Figure>> series, MetricId... metrics) {
    for (MetricId metric : metrics) {
      TreeMap<IsoWeek, Figure> weeks = series.get(metric);
      if (weeks != null && !weeks.isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
