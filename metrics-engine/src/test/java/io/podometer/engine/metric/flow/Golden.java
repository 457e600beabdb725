package io.podometer.engine.metric.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.DoraTiers;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.MetricFamily;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Runs one metric family over a golden scenario and checks cells against hand-computed values. */
public final class Golden {

  public static final double EPSILON = 1e-9;

  private final Class<?> test;
  private final MetricFamily family;

  public Golden(Class<?> test, MetricFamily family) {
    this.test = test;
    this.family = family;
  }

  public List<CanonicalEvent> events(String scenario) {
    return GoldenData.events(GoldenData.resource(test, scenario));
  }

  public EngineResult compute(String scenario, String from, String to, String now) {
    return compute(events(scenario), from, to, now);
  }

  public EngineResult compute(List<CanonicalEvent> events, String from, String to, String now) {
    EngineContext context =
        new EngineContext(
            GoldenData.org(GoldenData.resource(test, "org.yaml")),
            GoldenData.facts(events),
            IsoWeek.parse(from),
            IsoWeek.parse(to),
            Instant.parse(now));
    return new MetricsEngine(List.of(family), DoraTiers.DEFAULTS)
        .withoutComplements() // the arithmetic of cells a small organization's pods would hide
        .compute(context);
  }

  /** The events shuffled, with every third one delivered twice. */
  public static List<CanonicalEvent> shuffledWithDuplicates(
      List<CanonicalEvent> events, long seed) {
    List<CanonicalEvent> copy = new ArrayList<>(events);
    for (int i = 0; i < events.size(); i += 3) {
      copy.add(events.get(i));
    }
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  public static Figure figure(EngineResult result, MetricId metric, String scope, String week) {
    Figure figure = result.figure(metric, ScopeId.parse(scope), IsoWeek.parse(week));
    assertNotNull(figure, metric + " " + scope + " " + week + " has no figure");
    return figure;
  }

  /** A ratio-like cell: value, num, den and item count. */
  public static Figure assertRatio(
      EngineResult result,
      MetricId metric,
      String scope,
      String week,
      double value,
      double num,
      double den,
      int n) {
    Figure figure = figure(result, metric, scope, week);
    String cell = metric + " " + scope + " " + week;
    assertNotNull(figure.value(), cell + " value");
    assertEquals(value, figure.value(), EPSILON, cell + " value");
    assertEquals(num, figure.num(), EPSILON, cell + " num");
    assertEquals(den, figure.den(), EPSILON, cell + " den");
    assertEquals(n, figure.n(), cell + " n");
    List<Contribution> items = result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week));
    assertEquals(n, items.size(), cell + " drill-down items");
    return figure;
  }

  /** A ratio cell whose drill-down nums and dens add up to its num and den. */
  public static Figure assertPooledRatio(
      EngineResult result,
      MetricId metric,
      String scope,
      String week,
      double value,
      double num,
      double den,
      int n) {
    Figure figure = assertRatio(result, metric, scope, week, value, num, den, n);
    List<Contribution> items = result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week));
    assertEquals(num, items.stream().mapToDouble(Contribution::num).sum(), EPSILON, "Σ nums");
    assertEquals(den, items.stream().mapToDouble(Contribution::den).sum(), EPSILON, "Σ dens");
    return figure;
  }

  /** A Σnum / |distinct den keys| cell whose drill-down nums add up to num. */
  public static Figure assertPerDistinct(
      EngineResult result,
      MetricId metric,
      String scope,
      String week,
      double value,
      double num,
      int distinct,
      int n) {
    Figure figure = assertRatio(result, metric, scope, week, value, num, distinct, n);
    List<Contribution> items = result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week));
    assertEquals(num, items.stream().mapToDouble(Contribution::num).sum(), EPSILON, "Σ nums");
    assertEquals(
        distinct,
        items.stream().map(Contribution::denKey).filter(k -> k != null).distinct().count(),
        "distinct den keys");
    return figure;
  }

  /** A sum cell: value = num, no den, and the drill-down nums add up to it. */
  public static Figure assertSum(
      EngineResult result, MetricId metric, String scope, String week, double value, int n) {
    Figure figure = figure(result, metric, scope, week);
    String cell = metric + " " + scope + " " + week;
    assertNotNull(figure.value(), cell + " value");
    assertEquals(value, figure.value(), EPSILON, cell + " value");
    assertEquals(value, figure.num(), EPSILON, cell + " num");
    assertNull(figure.den(), cell + " den");
    assertEquals(n, figure.n(), cell + " n");
    List<Contribution> items = result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week));
    assertEquals(value, items.stream().mapToDouble(Contribution::num).sum(), EPSILON, "Σ nums");
    return figure;
  }

  /** A percentile cell: its value and the samples it was taken over (any order). */
  public static Figure assertPercentile(
      EngineResult result,
      MetricId metric,
      String scope,
      String week,
      double value,
      double... samples) {
    Figure figure = figure(result, metric, scope, week);
    String cell = metric + " " + scope + " " + week;
    assertNotNull(figure.value(), cell + " value");
    assertEquals(value, figure.value(), EPSILON, cell + " value");
    assertEquals(samples.length, figure.n(), cell + " n");
    double[] expected = samples.clone();
    java.util.Arrays.sort(expected);
    double[] actual =
        result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week)).stream()
            .mapToDouble(Contribution::sample)
            .sorted()
            .toArray();
    assertEquals(expected.length, actual.length, cell + " samples");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], EPSILON, cell + " sample " + i);
    }
    return figure;
  }

  public static void assertWithheld(
      EngineResult result, MetricId metric, String scope, String week) {
    Figure figure = figure(result, metric, scope, week);
    assertNull(figure.value(), metric + " " + scope + " " + week + " must be withheld");
    assertNull(figure.num());
    assertNull(figure.den());
    assertNotNull(figure.withheld());
  }

  public static void assertNoFigure(
      EngineResult result, MetricId metric, String scope, String week) {
    assertNull(
        result.figure(metric, ScopeId.parse(scope), IsoWeek.parse(week)),
        metric + " " + scope + " " + week + " must have no data");
  }

  /** The evidence refs of a cell's items, sorted. */
  public static List<String> refs(EngineResult result, MetricId metric, String scope, String week) {
    return result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week)).stream()
        .map(c -> c.evidence().ref())
        .sorted()
        .toList();
  }

  /** The refs of the items of a cell whose num is positive, sorted. */
  public static List<String> countedRefs(
      EngineResult result, MetricId metric, String scope, String week) {
    return result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week)).stream()
        .filter(c -> c.num() > 0)
        .map(c -> c.evidence().ref())
        .sorted()
        .toList();
  }
}
