package io.podometer.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Complementary suppression on a small organization, through the whole engine: pillar commerce =
 * pods big (5 members), mid (4) and tiny (2, under the floor of 3); pillar platform = pod plat (4).
 * Each pod works alone in its own repository, each repository its own service. In 2026-W10 three
 * people of big, mid and plat and both of tiny merge one pull request each, none reviewed; in W11
 * the same but tiny merges nothing.
 */
class DisclosureControlTest {

  private static final String ORG =
      """
      org: {name: Acme, timeZone: UTC, privacyFloor: 3}
      pillars: [{id: commerce, name: Commerce}, {id: platform, name: Platform}]
      pods:
        - {id: big, name: Big, pillar: commerce}
        - {id: mid, name: Mid, pillar: commerce}
        - {id: tiny, name: Tiny, pillar: commerce}
        - {id: plat, name: Plat, pillar: platform}
      members:
      %s
      services:
        - {id: big-svc, pod: big, repos: [acme/big]}
        - {id: mid-svc, pod: mid, repos: [acme/mid]}
        - {id: tiny-svc, pod: tiny, repos: [acme/tiny]}
        - {id: plat-svc, pod: plat, repos: [acme/plat]}
      """;

  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");
  private static final IsoWeek W11 = IsoWeek.parse("2026-W11");
  private static EngineContext context;
  private static EngineResult result;

  @BeforeAll
  static void compute() {
    context = contextWith(2);
    result = MetricFamilies.engine().compute(context);
  }

  /** The organization above with {@code tinyMembers} in tiny, each merging one PR in W10. */
  private static EngineContext contextWith(int tinyMembers) {
    StringBuilder members = new StringBuilder();
    member(members, "big", 5);
    member(members, "mid", 4);
    member(members, "tiny", tinyMembers);
    member(members, "plat", 4);
    OrgModel org = GoldenData.org(ORG.formatted(members));
    StringBuilder events = new StringBuilder();
    for (String pod : List.of("big", "mid", "tiny", "plat")) {
      int authors = pod.equals("tiny") ? tinyMembers : 3;
      for (int i = 1; i <= authors; i++) {
        pr(events, pod, i, 10 + i, "2026-03-04T10:00:00Z");
        if (!pod.equals("tiny")) {
          pr(events, pod, i, 20 + i, "2026-03-11T10:00:00Z");
        }
      }
    }
    return new EngineContext(
        org,
        GoldenData.facts(GoldenData.events(events.toString())),
        W10,
        W11,
        Instant.parse("2026-03-20T00:00:00Z"));
  }

  @Test
  void theSameFactsTakeTheSuppressionsWorkedOutBeforeAndOtherFactsDoNot() {
    MetricsEngine engine = MetricFamilies.engine();
    EngineResult first = engine.compute(context);
    // metrics of the same items with the same withheld cells ask the same question in a week
    long withinTheFirst = engine.suppressionsReused();
    EngineResult again = engine.compute(context);
    assertTrue(engine.suppressionsReused() > withinTheFirst);
    assertEquals(Set.copyOf(first.figures()), Set.copyOf(again.figures()));
    assertNotNull(
        again.figure(MetricId.UNREVIEWED_MERGES, ScopeId.parse("pod:big"), W10).withheld());
    // a third member in tiny: 3 people, at the floor, so nothing is withheld in W10 and big needs
    // no complement; the engine that answered the first question answers this one afresh
    long reusedBefore = engine.suppressionsReused();
    EngineContext grown = contextWith(3);
    EngineResult afterChange = engine.compute(grown);
    assertEquals(
        Set.copyOf(MetricFamilies.engine().compute(grown).figures()),
        Set.copyOf(afterChange.figures()));
    assertEquals(reusedBefore, engine.suppressionsReused());
    Figure big = afterChange.figure(MetricId.UNREVIEWED_MERGES, ScopeId.parse("pod:big"), W10);
    assertNull(big.withheld());
    assertEquals(3.0, big.den());
  }

  @Test
  void aWithheldPodTakesASiblingWithItsRepositoryAndService() {
    MetricId metric = MetricId.UNREVIEWED_MERGES;
    // under the floor: tiny's 2 members, its repository's and service's 2 contributors
    for (String scope : List.of("pod:tiny", "repo:acme/tiny", "service:tiny-svc")) {
      assertTrue(figure(metric, scope, W10).withheld().contains("fewer than 3 people"), scope);
    }
    // commerce − big − mid would be tiny. Hiding one sibling pod alone does not help: each is
    // also its repository and its service. The first sibling whose cells (all three) hide it:
    // big (its repository, 3 contributors, sorts before mid's)
    for (String scope : List.of("pod:big", "repo:acme/big", "service:big-svc")) {
      assertEquals(
          DisclosureControl.COMPLEMENT + "3 people", figure(metric, scope, W10).withheld(), scope);
    }
    // shown: mid, plat, the pillars and the organization. commerce: 3 + 3 + 2 = 8 PRs, 8
    // unreviewed; org: 8 + 3 = 11. commerce − mid = 5 = big + tiny: neither comes out alone
    for (String scope : List.of("pod:mid", "repo:acme/mid", "pod:plat", "pillar:platform")) {
      assertNull(figure(metric, scope, W10).withheld(), scope);
    }
    assertEquals(8.0, figure(metric, "pillar:commerce", W10).den());
    assertEquals(11.0, figure(metric, "org", W10).den());
    assertEquals(3.0, figure(metric, "pod:mid", W10).den());
    // W11 has no withheld cell: nothing beside it either
    assertNull(figure(metric, "pod:big", W11).withheld());
    assertEquals(3.0, figure(metric, "pod:big", W11).den());
  }

  @Test
  void aCellWithheldBesideOneMetricIsWithheldForTheLaterOnesSharingItsCounts() {
    // pull request size shares the same PRs: the same cells go, so no metric tells big's count
    for (MetricId metric :
        List.of(
            MetricId.PR_SIZE_P50, MetricId.THROUGHPUT_PER_ENGINEER, MetricId.UNREVIEWED_MERGES)) {
      assertNotNull(figure(metric, "pod:big", W10).withheld(), metric.id());
      assertNull(figure(metric, "pod:mid", W10).withheld(), metric.id());
    }
  }

  @Test
  void aWithheldFigureKeepsNothingOfItsGroup() {
    for (String scope : List.of("pod:tiny", "pod:big")) {
      Figure figure = figure(MetricId.UNREVIEWED_MERGES, scope, W10);
      assertNull(figure.value());
      assertNull(figure.num());
      assertNull(figure.den());
      assertEquals(0, figure.n(), scope);
      assertEquals(0, figure.people(), scope);
    }
  }

  @Test
  void aRangeHoldingAWithheldWeekIsWithheld() {
    RangeTotals totals = new RangeTotals(MetricFamilies.engine(), DoraTiers.DEFAULTS);
    // W10..W11 of big minus its W11 (shown) would be its withheld W10
    Figure big =
        totals
            .totals(context, ScopeId.parse("pod:big"), List.of(MetricId.UNREVIEWED_MERGES))
            .get(0);
    assertNotNull(big.withheld());
    assertTrue(big.withheld().contains("2026-W10"), big.withheld());
    assertNull(big.den());
    // mid is shown both weeks: 3 + 3 PRs
    Figure mid =
        totals
            .totals(context, ScopeId.parse("pod:mid"), List.of(MetricId.UNREVIEWED_MERGES))
            .get(0);
    assertNull(mid.withheld());
    assertEquals(6.0, mid.den());
  }

  private static Figure figure(MetricId metric, String scope, IsoWeek week) {
    Figure figure = result.figure(metric, ScopeId.parse(scope), week);
    assertNotNull(figure, metric.id() + " of " + scope + " in " + week);
    return figure;
  }

  private static void member(StringBuilder yaml, String pod, int count) {
    for (int i = 1; i <= count; i++) {
      String id = pod + i;
      yaml.append("  - {id: ")
          .append(id)
          .append(", name: ")
          .append(id)
          .append(", role: engineer, level: L5, identities: {github: [")
          .append(id)
          .append("]}, memberships: [{pod: ")
          .append(pod)
          .append(", from: 2025-06-01}]}\n");
    }
  }

  private static void pr(StringBuilder ndjson, String pod, int author, int number, String at) {
    String repo = "acme/" + pod;
    String login = pod + author;
    ndjson
        .append("{\"id\":\"pr:")
        .append(repo)
        .append('#')
        .append(number)
        .append(":opened\",\"type\":\"pr.opened\",\"source\":\"github\",\"occurredAt\":\"")
        .append(at)
        .append("\",\"schema\":1,\"repo\":\"")
        .append(repo)
        .append("\",\"data\":{\"number\":")
        .append(number)
        .append(",\"title\":\"Change\",\"author\":\"")
        .append(login)
        .append("\",\"createdAt\":\"")
        .append(at)
        .append("\",\"draft\":false}}\n");
    ndjson
        .append("{\"id\":\"pr:")
        .append(repo)
        .append('#')
        .append(number)
        .append(":merged\",\"type\":\"pr.merged\",\"source\":\"github\",\"occurredAt\":\"")
        .append(at)
        .append("\",\"schema\":1,\"repo\":\"")
        .append(repo)
        .append("\",\"data\":{\"number\":")
        .append(number)
        .append(",\"author\":\"")
        .append(login)
        .append("\",\"mergedAt\":\"")
        .append(at)
        .append("\",\"mergeCommitSha\":\"")
        .append(String.format("%040d", number * 1000 + author))
        .append("\",\"additions\":")
        .append(10 * number)
        .append(",\"deletions\":5}}\n");
  }
}
