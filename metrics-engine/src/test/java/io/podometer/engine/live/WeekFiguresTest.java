package io.podometer.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A week filed from a computation's figures keeps what it held before wherever nothing changed: the
 * very instances, which tell comparisons and the store to skip them.
 */
class WeekFiguresTest {

  private static final ScopeId PAYMENTS = ScopeId.pod("payments");
  private static final ScopeId SEARCH = ScopeId.pod("search");
  private static final IsoWeek WEEK = IsoWeek.parse("2026-W10");

  private static Figure figure(MetricId metric, ScopeId scope, double value) {
    return new Figure(
        metric, scope, WEEK, value, null, null, 1, 3, null, Map.of(), Map.of(), null, null, false);
  }

  private static Map<MetricId, Map<ScopeId, Figure>> computed(Figure... figures) {
    Map<MetricId, Map<ScopeId, Figure>> byMetric = new EnumMap<>(MetricId.class);
    for (Figure f : figures) {
      byMetric.computeIfAbsent(f.metric(), m -> new Object2ObjectOpenHashMap<>()).put(f.scope(), f);
    }
    return byMetric;
  }

  @Test
  void aMetricThatDidNotChangeKeepsItsMapAndOneThatDidKeepsItsUnchangedFigures() {
    WeekFigures earlier =
        WeekFigures.of(
            List.of(
                figure(MetricId.AI_CODE_SHARE, PAYMENTS, 0.5),
                figure(MetricId.AI_CODE_SHARE, SEARCH, 0.25),
                figure(MetricId.DEPLOYMENT_FREQUENCY, PAYMENTS, 4)),
            Map.of(),
            Map.of());

    WeekFigures now =
        WeekFigures.ofMetrics(
            computed(
                figure(MetricId.AI_CODE_SHARE, PAYMENTS, 0.5), // equal: earlier's instance
                figure(MetricId.AI_CODE_SHARE, SEARCH, 0.25),
                figure(MetricId.DEPLOYMENT_FREQUENCY, PAYMENTS, 5)), // changed
            Map.of(),
            Map.of(),
            earlier);

    assertSame(earlier.of(MetricId.AI_CODE_SHARE), now.of(MetricId.AI_CODE_SHARE));
    assertNotSame(earlier.of(MetricId.DEPLOYMENT_FREQUENCY), now.of(MetricId.DEPLOYMENT_FREQUENCY));
    assertEquals(5.0, now.figure(MetricId.DEPLOYMENT_FREQUENCY, PAYMENTS).value());
    assertEquals(3, now.size());
  }

  @Test
  void aNewScopeOrAGoneOneIsAChangeAndEqualFiguresStayEarlierInstances() {
    Figure payments = figure(MetricId.AI_CODE_SHARE, PAYMENTS, 0.5);
    WeekFigures earlier = WeekFigures.of(List.of(payments), Map.of(), Map.of());

    WeekFigures grown =
        WeekFigures.ofMetrics(
            computed(
                figure(MetricId.AI_CODE_SHARE, PAYMENTS, 0.5),
                figure(MetricId.AI_CODE_SHARE, SEARCH, 0.25)),
            Map.of(),
            Map.of(),
            earlier);
    assertEquals(2, grown.of(MetricId.AI_CODE_SHARE).size());
    assertSame(payments, grown.figure(MetricId.AI_CODE_SHARE, PAYMENTS));

    WeekFigures gone = WeekFigures.ofMetrics(computed(), Map.of(), Map.of(), earlier);
    assertTrue(gone.isEmpty());
    assertTrue(gone.of(MetricId.AI_CODE_SHARE).isEmpty());
  }

  @Test
  void withoutAnEarlierWeekTheComputedFiguresAreTakenAsTheyAre() {
    Figure payments = figure(MetricId.AI_CODE_SHARE, PAYMENTS, 0.5);

    WeekFigures first = WeekFigures.ofMetrics(computed(payments), Map.of(), Map.of(), null);

    assertSame(payments, first.figure(MetricId.AI_CODE_SHARE, PAYMENTS));
    assertEquals(1, first.size());
  }
}
