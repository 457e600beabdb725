package io.podometer.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.figure.Aggregation;
import io.podometer.engine.figure.MetricId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every metric computed from facts is declared by exactly one family: a drill-down and a reuse of
 * kept contributions find a metric's family by what the families declare, so a metric a family
 * emits without declaring it would have figures but no drill-down.
 */
class MetricFamiliesTest {

  @Test
  void everyPooledMetricHasExactlyOneFamily() {
    List<String> wrong = new ArrayList<>();
    for (MetricId metric : MetricId.values()) {
      if (metric.aggregation() == Aggregation.DERIVED) {
        continue; // derived from other figures, by the engine itself
      }
      long families =
          MetricFamilies.all().stream().filter(f -> f.metrics().contains(metric)).count();
      if (families != 1) {
        wrong.add(metric.id() + " in " + families + " families");
      }
    }
    assertEquals(List.of(), wrong);
  }
}
