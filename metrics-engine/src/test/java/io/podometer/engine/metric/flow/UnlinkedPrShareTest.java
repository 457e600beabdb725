package io.podometer.engine.metric.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code unlinked_pr_share} over the flow golden organization's 2026-W10 ({@code
 * throughput.ndjson}), with one bet linked by repository to {@code acme/search} and one by label.
 */
class UnlinkedPrShareTest {

  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");

  private EngineResult compute(String bets) {
    String org = GoldenData.resource(FlowFamilyTest.class, "org.yaml") + bets;
    return new MetricsEngine(List.of(new FlowFamily()), DoraTiers.DEFAULTS)
        .withoutComplements()
        .compute(
            new EngineContext(
                GoldenData.org(org),
                GoldenData.facts(
                    GoldenData.events(
                        GoldenData.resource(FlowFamilyTest.class, "throughput.ndjson"))),
                W10,
                W10,
                Instant.parse("2026-03-23T00:00:00Z")));
  }

  @Test
  void shareOfMergedPrsLinkedToNoBet() {
    EngineResult r =
        compute(
            """
            bets:
              - {id: search-speed, title: Search speed, sto: sam, links: {repos: [acme/search]}}
              - {id: labelled, title: Labelled, sto: ana, links: {labels: [nothing-carries-this]}}
            """);
    // checkout W10 merged #1 #2 #3 #4 #6 (dependabot's #5 counts for nobody, as in throughput),
    // none linked → 5 / 5
    Figure checkout = r.figure(MetricId.UNLINKED_PR_SHARE, ScopeId.pod("checkout"), W10);
    assertEquals(1.0, checkout.value());
    assertEquals(5.0, checkout.num());
    assertEquals(5.0, checkout.den());
    // search W10: #20 and #21, both in acme/search → 0 / 2
    Figure search = r.figure(MetricId.UNLINKED_PR_SHARE, ScopeId.pod("search"), W10);
    assertEquals(0.0, search.value());
    assertEquals(2.0, search.den());
    // org: checkout's 5 + tiny's #30 unlinked, search's 2 linked → 6 / 8
    assertEquals(6.0 / 8, r.figure(MetricId.UNLINKED_PR_SHARE, ScopeId.ORG, W10).value(), 1e-9);
  }

  @Test
  void noFigureWithoutBets() {
    assertNull(compute("").figure(MetricId.UNLINKED_PR_SHARE, ScopeId.ORG, W10));
  }
}
