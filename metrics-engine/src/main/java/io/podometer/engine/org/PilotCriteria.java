package io.podometer.engine.org;

/**
 * The scale gate of a pilot (SPEC §5.3), against its baseline: weekly active AI users reach {@code
 * weeklyActiveAiUsers} within {@code withinWeeks} weeks of the start; agent-assisted diffs reach
 * {@code agentAssistedDiffs}; throughput per engineer reaches {@code throughputFactor} × baseline
 * or lead time falls to baseline / {@code leadTimeFactor}; change failure rate stays within
 * baseline + {@code changeFailureRateRisePp}. Shares are fractions (0.90 = 90 %); {@code …Pp} is in
 * percentage points.
 */
public record PilotCriteria(
    double weeklyActiveAiUsers,
    int withinWeeks,
    double agentAssistedDiffs,
    double throughputFactor,
    double leadTimeFactor,
    double changeFailureRateRisePp) {

  public static final PilotCriteria DEFAULTS = new PilotCriteria(0.90, 8, 0.55, 1.5, 1.5, 5.0);
}
