package io.podometer.engine.metric;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;

/**
 * DORA performance tiers (State of DevOps 2023 defaults, SPEC §5.2). Deployment frequency is judged
 * on the week's deploy days and deployments, and on deployments in the 4 weeks ending it.
 */
public record DoraTiers(
    int eliteDeployDays,
    double eliteLeadHours,
    double highLeadHours,
    double mediumLeadHours,
    double eliteFailureRate,
    double highFailureRate,
    double mediumFailureRate,
    double eliteRecoveryHours,
    double highRecoveryHours,
    double mediumRecoveryHours) {

  public static final DoraTiers DEFAULTS =
      new DoraTiers(5, 24, 168, 720, 0.05, 0.10, 0.15, 1, 24, 168);

  /** The metrics {@link #of} gives a tier. */
  private static final java.util.Set<MetricId> TIERED =
      java.util.EnumSet.of(
          MetricId.LEAD_TIME_P50_HOURS,
          MetricId.CHANGE_FAILURE_RATE,
          MetricId.RECOVERY_TIME_P50_HOURS);

  public String deploymentFrequency(double deployDays, double deployments, double lastFourWeeks) {
    if (deployDays >= eliteDeployDays) {
      return "elite";
    }
    if (deployments >= 1) {
      return "high";
    }
    return lastFourWeeks >= 1 ? "medium" : "low";
  }

  /**
   * The figure with its tier when it is a DORA figure other than deployment frequency (which needs
   * the weeks around it, see {@link DerivedFigures}).
   */
  public Figure applyTo(Figure figure) {
    // every figure of a computation comes through here: the value is read (boxed) only for the
    // few metrics with tiers
    if (!TIERED.contains(figure.metric())) {
      return figure;
    }
    Double value = figure.value();
    String tier = value == null ? null : of(figure.metric(), value);
    return tier == null ? figure : figure.withTier(tier);
  }

  /** The tier of a DORA figure other than deployment frequency; null for other metrics. */
  public String of(MetricId metric, double value) {
    return switch (metric) {
      case LEAD_TIME_P50_HOURS -> below(value, eliteLeadHours, highLeadHours, mediumLeadHours);
      case CHANGE_FAILURE_RATE ->
          value <= eliteFailureRate
              ? "elite"
              : value <= highFailureRate ? "high" : value <= mediumFailureRate ? "medium" : "low";
      case RECOVERY_TIME_P50_HOURS ->
          below(value, eliteRecoveryHours, highRecoveryHours, mediumRecoveryHours);
      default -> null;
    };
  }

  private static String below(double value, double elite, double high, double medium) {
    return value < elite ? "elite" : value < high ? "high" : value < medium ? "medium" : "low";
  }
}
