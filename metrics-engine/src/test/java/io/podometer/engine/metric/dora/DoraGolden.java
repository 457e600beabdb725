package io.podometer.engine.metric.dora;

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
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The DORA golden organization, the engine run over a scenario, and cell assertions. */
final class DoraGolden {

  static final double EPS = 1e-9;
  private static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");

  private DoraGolden() {}

  static String org() {
    return GoldenData.resource(DoraGolden.class, "org.yaml");
  }

  /** The organization with one line of its file replaced (e.g. the privacy floor). */
  static String org(String line, String replacement) {
    String yaml = org();
    if (!yaml.contains(line)) {
      throw new IllegalArgumentException("org.yaml has no line '" + line + "'");
    }
    return yaml.replace(line, replacement);
  }

  static List<CanonicalEvent> events(Class<?> test, String scenario) {
    return GoldenData.events(GoldenData.resource(test, scenario));
  }

  static EngineResult compute(
      String orgYaml, Collection<CanonicalEvent> events, String from, String to) {
    EngineContext context =
        new EngineContext(
            GoldenData.org(orgYaml),
            GoldenData.facts(events),
            IsoWeek.parse(from),
            IsoWeek.parse(to),
            NOW);
    return new MetricsEngine(List.of(new DoraFamily()), DoraTiers.DEFAULTS)
        .withoutComplements() // the arithmetic of cells a small organization's pods would hide
        .compute(context);
  }

  static Figure figure(EngineResult result, MetricId metric, String scope, String week) {
    Figure figure = result.figure(metric, ScopeId.parse(scope), IsoWeek.parse(week));
    assertNotNull(figure, metric + " " + scope + " " + week + " should have data");
    return figure;
  }

  static void assertNoData(EngineResult result, MetricId metric, String scope, String week) {
    assertNull(
        result.figure(metric, ScopeId.parse(scope), IsoWeek.parse(week)),
        metric + " " + scope + " " + week + " should be no data");
  }

  static List<Contribution> drilldown(
      EngineResult result, MetricId metric, String scope, String week) {
    return result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week));
  }

  /** A ratio of {@code num} items failing out of {@code den} items, whose drill-down adds up. */
  static Figure assertRatio(
      EngineResult result, MetricId metric, String scope, String week, int num, int den) {
    Figure f = figure(result, metric, scope, week);
    assertEquals((double) num / den, f.value(), EPS, metric + " value");
    assertEquals(num, f.num(), EPS, metric + " num");
    assertEquals(den, f.den(), EPS, metric + " den");
    assertEquals(den, f.n(), metric + " n");
    List<Contribution> items = drilldown(result, metric, scope, week);
    assertEquals(num, items.stream().mapToDouble(Contribution::num).sum(), EPS, "drill-down nums");
    assertEquals(den, items.stream().mapToDouble(Contribution::den).sum(), EPS, "drill-down dens");
    return f;
  }

  /** A percentile over exactly {@code samples}, which the drill-down's samples must be. */
  static Figure assertPercentile(
      EngineResult result,
      MetricId metric,
      String scope,
      String week,
      double value,
      double... samples) {
    Figure f = figure(result, metric, scope, week);
    assertEquals(value, f.value(), EPS, metric + " " + scope + " " + week + " value");
    assertEquals(samples.length, f.n(), metric + " n");
    double[] expected = samples.clone();
    Arrays.sort(expected);
    double[] actual =
        drilldown(result, metric, scope, week).stream()
            .mapToDouble(Contribution::sample)
            .sorted()
            .toArray();
    assertEquals(expected.length, actual.length, metric + " drill-down samples");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], EPS, metric + " sample " + i);
    }
    return f;
  }

  /** Drill-down items by the fact they name. */
  static Map<String, Contribution> byRef(List<Contribution> items) {
    return items.stream().collect(Collectors.toMap(c -> c.evidence().ref(), c -> c, (a, b) -> a));
  }

  /** The refs of the items whose numerator is 1 (e.g. the failed deployments). */
  static List<String> countedRefs(List<Contribution> items) {
    return items.stream().filter(c -> c.num() == 1).map(c -> c.evidence().ref()).sorted().toList();
  }
}
