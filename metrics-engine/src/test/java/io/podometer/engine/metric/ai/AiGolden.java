package io.podometer.engine.metric.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.figure.Aggregation;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.DoraTiers;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The AI-adoption golden scenarios: the shared organization, computation and assertions. */
final class AiGolden {

  /** Well after every scenario, so no week is in progress. */
  static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");

  private AiGolden() {}

  /** The organization most scenarios share ({@code AiGolden/org.yaml}). */
  static OrgModel org() {
    return GoldenData.org(GoldenData.resource(AiGolden.class, "org.yaml"));
  }

  static List<CanonicalEvent> events(Class<?> test, String name) {
    return GoldenData.events(GoldenData.resource(test, name));
  }

  static EngineResult compute(
      OrgModel org, Collection<CanonicalEvent> events, String from, String to) {
    EngineContext context =
        new EngineContext(
            org, GoldenData.facts(events), IsoWeek.parse(from), IsoWeek.parse(to), NOW);
    return new MetricsEngine(List.of(new AiAdoptionFamily()), DoraTiers.DEFAULTS)
        .withoutComplements() // the arithmetic of cells a small organization's pods would hide
        .compute(context);
  }

  static Figure figure(EngineResult result, MetricId metric, String scope, String week) {
    Figure figure = result.figure(metric, ScopeId.parse(scope), IsoWeek.parse(week));
    assertNotNull(figure, metric + " " + scope + " " + week + " has data");
    return figure;
  }

  /**
   * Asserts a shown ratio figure (num, den, value num/den, n items) and that its drill-down items
   * add up to it.
   */
  static Figure assertRatio(
      EngineResult result,
      MetricId metric,
      String scope,
      String week,
      double num,
      double den,
      int n) {
    Figure figure = figure(result, metric, scope, week);
    String cell = metric + " " + scope + " " + week;
    assertNull(figure.withheld(), cell + " is shown");
    assertEquals(num, figure.num(), 1e-9, cell + " num");
    assertEquals(den, figure.den(), 1e-9, cell + " den");
    assertEquals(num / den, figure.value(), 1e-12, cell + " value");
    assertEquals(n, figure.n(), cell + " items");
    assertDrilldownAddsUp(result, figure);
    return figure;
  }

  /** Ratios: nums and dens add up; distinct ratios: the distinct keys are num and den. */
  static void assertDrilldownAddsUp(EngineResult result, Figure figure) {
    List<Contribution> items = result.drilldown(figure.metric(), figure.scope(), figure.week());
    assertEquals(figure.n(), items.size(), "drill-down items of " + figure);
    if (figure.metric().aggregation() == Aggregation.DISTINCT_RATIO) {
      long numKeys =
          items.stream().map(Contribution::numKey).filter(Objects::nonNull).distinct().count();
      long denKeys =
          items.stream().map(Contribution::denKey).filter(Objects::nonNull).distinct().count();
      assertEquals(figure.num(), numKeys, 1e-9, "distinct num keys of " + figure);
      assertEquals(figure.den(), denKeys, 1e-9, "distinct den keys of " + figure);
    } else {
      assertEquals(figure.num(), items.stream().mapToDouble(Contribution::num).sum(), 1e-9);
      assertEquals(figure.den(), items.stream().mapToDouble(Contribution::den).sum(), 1e-9);
    }
  }

  /** The evidence refs behind a cell, sorted and without repeats. */
  static Set<String> refs(EngineResult result, MetricId metric, String scope, String week) {
    return result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week)).stream()
        .map(c -> c.evidence().ref())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The drill-down items of a cell as "ref num/den", sorted, for comparison with a table. */
  static List<String> items(EngineResult result, MetricId metric, String scope, String week) {
    return result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week)).stream()
        .map(AiGolden::describe)
        .sorted()
        .toList();
  }

  static String describe(Contribution c) {
    String text = c.evidence().ref() + " " + amount(c.num()) + "/" + amount(c.den());
    if (c.source() != null) {
      text += " " + c.source() + " exact " + amount(c.exactNum());
    }
    if (c.numKey() != null || c.denKey() != null) {
      text = c.evidence().ref() + " num=" + c.numKey() + " den=" + c.denKey();
    }
    return text;
  }

  private static String amount(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
