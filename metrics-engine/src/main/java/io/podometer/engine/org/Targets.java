package io.podometer.engine.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** The organization's adoption targets, as fractions (0.75 = 75 %). */
public record Targets(
    @JsonProperty("ai_code_share") double aiCodeShare,
    @JsonProperty("agent_assisted_diffs") double agentAssistedDiffs,
    @JsonProperty("weekly_active_ai_users") double weeklyActiveAiUsers) {

  public static final Targets DEFAULTS = new Targets(0.75, 0.55, 0.80);

  /**
   * The target of a metric by its id ({@code ai_code_share}, …); empty for a metric without one.
   */
  public Optional<Double> forMetric(String metricId) {
    return switch (metricId) {
      case "ai_code_share" -> Optional.of(aiCodeShare);
      case "agent_assisted_diffs" -> Optional.of(agentAssistedDiffs);
      case "weekly_active_ai_users" -> Optional.of(weeklyActiveAiUsers);
      default -> Optional.empty();
    };
  }
}
