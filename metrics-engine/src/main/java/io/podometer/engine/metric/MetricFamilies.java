package io.podometer.engine.metric;

import io.podometer.engine.metric.ai.AiAdoptionFamily;
import io.podometer.engine.metric.ai.MergeRateFamily;
import io.podometer.engine.metric.ai.SeatFamily;
import io.podometer.engine.metric.dora.DoraFamily;
import io.podometer.engine.metric.flow.FlowFamily;
import io.podometer.engine.metric.review.ReviewFamily;
import java.util.List;

/** Every metric family the engine runs. */
public final class MetricFamilies {

  private MetricFamilies() {}

  public static List<MetricFamily> all() {
    return List.of(
        new AiAdoptionFamily(),
        new SeatFamily(),
        new MergeRateFamily(),
        new DoraFamily(),
        new ReviewFamily(),
        new FlowFamily());
  }

  public static MetricsEngine engine() {
    return new MetricsEngine(all(), DoraTiers.DEFAULTS);
  }
}
