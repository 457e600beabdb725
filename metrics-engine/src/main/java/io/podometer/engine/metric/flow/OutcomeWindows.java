package io.podometer.engine.metric.flow;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The follow-up windows of outcome figures counted in the week a change merged (SPEC §5.3): a PR
 * counts as reverted when reverted within {@link #REVERT} of its merge, and its AI lines as churned
 * when their files change again within {@link #CHURN}. A week's figure is pending (may still rise)
 * until the window has passed for the last instant of the week.
 */
public final class OutcomeWindows {

  public static final Duration REVERT = Duration.ofDays(30);
  public static final Duration CHURN = Duration.ofDays(21);

  private OutcomeWindows() {}

  /** The follow-up window of the metric, or empty for a metric that has none. */
  public static Optional<Duration> of(MetricId metric) {
    return switch (metric) {
      case REVERT_RATE -> Optional.of(REVERT);
      case AI_CHURN_PROXY -> Optional.of(CHURN);
      default -> Optional.empty();
    };
  }

  /** When the week's figure of the metric becomes final, or empty for a metric without window. */
  public static Optional<Instant> finalAt(MetricId metric, IsoWeek week, ZoneId zone) {
    return of(metric).map(window -> week.end(zone).plus(window));
  }

  /** Whether the week's figure of the metric may still change as its window has not passed. */
  public static boolean pending(MetricId metric, IsoWeek week, ZoneId zone, Instant now) {
    return finalAt(metric, week, zone).map(now::isBefore).orElse(false);
  }
}
