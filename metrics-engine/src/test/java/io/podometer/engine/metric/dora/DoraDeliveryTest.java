package io.podometer.engine.metric.dora;

import static io.podometer.engine.figure.MetricId.CHANGE_FAILURE_RATE;
import static io.podometer.engine.figure.MetricId.DEPLOYMENT_FREQUENCY;
import static io.podometer.engine.figure.MetricId.DEPLOY_DAYS;
import static io.podometer.engine.figure.MetricId.FEATURE_VELOCITY_DAYS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_CODING_P50_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_DEPLOY_P50_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_P50_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_P90_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_PICKUP_P50_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_REVIEW_P50_HOURS;
import static io.podometer.engine.figure.MetricId.RECOVERY_TIME_P50_HOURS;
import static io.podometer.engine.figure.MetricId.REWORK_RATE;
import static io.podometer.engine.metric.dora.DoraGolden.EPS;
import static io.podometer.engine.metric.dora.DoraGolden.assertNoData;
import static io.podometer.engine.metric.dora.DoraGolden.assertPercentile;
import static io.podometer.engine.metric.dora.DoraGolden.assertRatio;
import static io.podometer.engine.metric.dora.DoraGolden.byRef;
import static io.podometer.engine.metric.dora.DoraGolden.compute;
import static io.podometer.engine.metric.dora.DoraGolden.drilldown;
import static io.podometer.engine.metric.dora.DoraGolden.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventType;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.scope.ScopeId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scenario {@code delivery}: service checkout-api (repo acme/checkout-api, commit graph known),
 * weeks 2026-W09..W11.
 *
 * <pre>
 * D0 2026-02-27 12:00 prod  sha c0                       (W09, first deployment: carries c0 only)
 * #1 ana  first commit 03-02 08:00, opened 10:00, self-comment 10:30, raj approves 12:00,
 *         merged 14:00 as merge commit a1 (parents c0, b1)
 * #2 raj  squash merge: commits b2a 03-02 09:00 and b2b 11:00 on the branch, opened 12:00,
 *         ana approves 15:00, merged 03-03 09:00 as squash commit 5a (parent a1; authored at merge)
 * D1 03-03 10:00 prod  sha 5a  → carries 5a, a1, b1: PRs #1 and #2
 * #3 sam  first commit 03-02 10:00, opened as draft 03-03 09:30, ready 10:00, raj approves 10:30,
 *         merged 11:00 as a3 (parents 5a, b3); labelled bet:one-click
 * D2 03-04 10:00 "Production" sha a3 → carries a3, b3: PR #3
 * #4 raj  first commit 03-03 20:00, opened 22:00, no review, merged 03-04 09:00 as a4
 *         (parents a3, b4); labelled bet:one-click. Merged before D2, but D2 deployed a3.
 * D3 03-05 12:00 prod  sha a4 → carries a4, b4: PR #4
 * D4 03-05 15:00 prod  sha a4 again → carries nothing
 * S1 03-06 staging, P1 03-06 preprod: not production
 * X1 03-04 staging deployment of search-svc: covers search-svc from W10; billing has none
 * </pre>
 */
class DoraDeliveryTest {

  private static final List<CanonicalEvent> EVENTS =
      DoraGolden.events(DoraDeliveryTest.class, "delivery.ndjson");

  private static EngineResult graphKnown() {
    return compute(DoraGolden.org(), EVENTS, "2026-W09", "2026-W11");
  }

  private static EngineResult withoutCommits() {
    List<CanonicalEvent> noCommits =
        EVENTS.stream().filter(e -> e.type() != EventType.COMMIT).toList();
    return compute(DoraGolden.org(), noCommits, "2026-W09", "2026-W11");
  }

  @Test
  void deploymentFrequencyCountsSuccessfulProductionDeploymentsOfTheWeek() {
    EngineResult r = graphKnown();
    // W10: D1, D2 ("Production" matches case-insensitively), D3, D4 = 4; S1 is staging and P1
    // preprod (the pattern matches the whole name only)
    Figure frequency = figure(r, DEPLOYMENT_FREQUENCY, "service:checkout-api", "2026-W10");
    assertEquals(4, frequency.value(), EPS);
    assertEquals(4, frequency.num(), EPS);
    assertEquals(4, frequency.n());
    assertEquals(
        Set.of("deploy:D1", "deploy:D2", "deploy:D3", "deploy:D4"),
        byRef(drilldown(r, DEPLOYMENT_FREQUENCY, "service:checkout-api", "2026-W10")).keySet());
    // days 03-03, 03-04, 03-05 (D3 and D4 share a day) = 3
    Figure days = figure(r, DEPLOY_DAYS, "service:checkout-api", "2026-W10");
    assertEquals(3, days.value(), EPS);
    assertEquals(4, days.n());
    assertEquals(
        Set.of("2026-03-03", "2026-03-04", "2026-03-05"),
        drilldown(r, DEPLOY_DAYS, "service:checkout-api", "2026-W10").stream()
            .map(Contribution::numKey)
            .collect(Collectors.toSet()));
    // 3 deploy days < 5 but at least one deployment: high
    assertEquals("high", frequency.tier());
    // W09: D0 alone
    assertEquals(
        1, figure(r, DEPLOYMENT_FREQUENCY, "service:checkout-api", "2026-W09").value(), EPS);
    // no failure among D1..D4: change failure rate 0 of 4, elite; no rework
    assertEquals(
        "elite",
        assertRatio(r, CHANGE_FAILURE_RATE, "service:checkout-api", "2026-W10", 0, 4).tier());
    assertRatio(r, REWORK_RATE, "service:checkout-api", "2026-W10", 0, 4);
  }

  @Test
  void aCoveredServiceReadsZeroAndAServiceWithoutDeploymentSourceReadsNoData() {
    EngineResult r = graphKnown();
    // checkout-api is covered since W09: W11 has no deployment → 0, not no data
    Figure w11 = figure(r, DEPLOYMENT_FREQUENCY, "service:checkout-api", "2026-W11");
    assertEquals(0, w11.value(), EPS);
    assertEquals(0, figure(r, DEPLOY_DAYS, "service:checkout-api", "2026-W11").value(), EPS);
    assertEquals(
        "service:checkout-api",
        drilldown(r, DEPLOYMENT_FREQUENCY, "service:checkout-api", "2026-W11")
            .get(0)
            .evidence()
            .ref());
    // 0 this week, but 4 in the 4 weeks ending it: medium
    assertEquals("medium", w11.tier());
    // search-svc's first deployment fact is X1 (staging, W10): no data in W09, 0 from W10 on
    assertNoData(r, DEPLOYMENT_FREQUENCY, "service:search-svc", "2026-W09");
    assertNoData(r, DEPLOY_DAYS, "service:search-svc", "2026-W09");
    Figure searchW10 = figure(r, DEPLOYMENT_FREQUENCY, "service:search-svc", "2026-W10");
    assertEquals(0, searchW10.value(), EPS);
    assertEquals("low", searchW10.tier());
    assertEquals(0, figure(r, DEPLOY_DAYS, "service:search-svc", "2026-W11").value(), EPS);
    // billing has no deployment fact at all: no data in every week
    for (String week : List.of("2026-W09", "2026-W10", "2026-W11")) {
      assertNoData(r, DEPLOYMENT_FREQUENCY, "service:billing", week);
      assertNoData(r, DEPLOY_DAYS, "service:billing", week);
    }
    // pod search (search-svc and billing): no data in W09, 0 from W10
    assertNoData(r, DEPLOYMENT_FREQUENCY, "pod:search", "2026-W09");
    assertEquals(0, figure(r, DEPLOYMENT_FREQUENCY, "pod:search", "2026-W10").value(), EPS);
    // the organization pools: W10 = 4 + 0; W11 = 0 + 0
    assertEquals(4, figure(r, DEPLOYMENT_FREQUENCY, "org", "2026-W10").value(), EPS);
    assertEquals(0, figure(r, DEPLOYMENT_FREQUENCY, "org", "2026-W11").value(), EPS);
    // a week with no deployment has nothing to fail: change failure rate has no data
    assertNoData(r, CHANGE_FAILURE_RATE, "service:checkout-api", "2026-W11");
  }

  @Test
  void leadTimeFollowsTheCommitGraph() {
    EngineResult r = graphKnown();
    // #1 08:00 03-02 → D1 10:00 03-03 = 26 h; #2 squash: earliest branch commit b2a 09:00 → D1
    // = 25 h (the squash commit, authored at the merge, is not its first commit); #3 03-02 10:00
    // → D2 03-04 10:00 = 48 h; #4 03-03 20:00 → D3 03-05 12:00 = 40 h (D2, finished after its
    // merge, did not contain a4). Sorted 25, 26, 40, 48: median (26 + 40) / 2 = 33; p90 at rank
    // 0.9 × 3 = 2.7: 40 + 0.7 × (48 − 40) = 45.6
    Figure p50 =
        assertPercentile(
            r, LEAD_TIME_P50_HOURS, "service:checkout-api", "2026-W10", 33, 26, 25, 48, 40);
    assertPercentile(
        r, LEAD_TIME_P90_HOURS, "service:checkout-api", "2026-W10", 45.6, 26, 25, 48, 40);
    assertEquals("high", p50.tier()); // 24 h ≤ 33 h < 168 h

    Map<String, Contribution> items =
        byRef(drilldown(r, LEAD_TIME_P50_HOURS, "service:checkout-api", "2026-W10"));
    // several PRs in one deployment: #1 and #2 both shipped with D1
    assertTrue(
        items
            .get("pr:acme/checkout-api#1")
            .evidence()
            .rule()
            .contains("deploy:D1 first contains merge commit a1a1a1a"));
    String squash = items.get("pr:acme/checkout-api#2").evidence().rule();
    assertTrue(squash.contains("first commit (earliest commit) 2026-03-02T09:00:00Z"), squash);
    assertTrue(squash.contains("deploy:D1 first contains merge commit 5a5a5a5"), squash);
    String fourth = items.get("pr:acme/checkout-api#4").evidence().rule();
    assertTrue(
        fourth.contains(
            "deploy:D3 first contains merge commit a4a4a4a (commit graph: range a3a3a3a..a4a4a4a"
                + " after deploy:D2)"),
        fourth);
    assertEquals("raj", items.get("pr:acme/checkout-api#4").person());
    // D4 re-deployed a4 and D0 only the root commit: no PR shipped with them
    assertTrue(items.values().stream().noneMatch(c -> c.evidence().rule().contains("deploy:D4")));
    assertNoData(r, LEAD_TIME_P50_HOURS, "service:checkout-api", "2026-W09");
  }

  @Test
  void leadTimeRollsUpByPoolingPrsInThePodOfTheirAuthor() {
    EngineResult r = graphKnown();
    // pod checkout: ana's #1 (26), raj's #2 (25) and #4 (40) → median 26; p90 rank 1.8:
    // 26 + 0.8 × 14 = 37.2
    assertPercentile(r, LEAD_TIME_P50_HOURS, "pod:checkout", "2026-W10", 26, 26, 25, 40);
    assertPercentile(r, LEAD_TIME_P90_HOURS, "pod:checkout", "2026-W10", 37.2, 26, 25, 40);
    // pod search: sam's #3 (48), though it changed checkout-api
    assertPercentile(r, LEAD_TIME_P50_HOURS, "pod:search", "2026-W10", 48, 48);
    // the organization pools all four PRs: median 33, not the mean of pod medians (37)
    assertPercentile(r, LEAD_TIME_P50_HOURS, "org", "2026-W10", 33, 26, 25, 48, 40);
    assertPercentile(r, LEAD_TIME_P50_HOURS, "pillar:commerce", "2026-W10", 33, 26, 25, 48, 40);
    // bet one-click: #3 (48) and #4 (40) → 44
    assertPercentile(r, LEAD_TIME_P50_HOURS, "bet:one-click", "2026-W10", 44, 48, 40);
  }

  @Test
  void leadTimeBreaksDownIntoCodingPickupReviewAndDeploy() {
    EngineResult r = graphKnown();
    // coding (first commit → opened): #1 08:00→10:00 = 2; #2 09:00→12:00 = 3;
    // #3 03-02 10:00 → 03-03 09:30 = 23.5; #4 20:00→22:00 = 2. Sorted 2, 2, 3, 23.5 → 2.5
    assertPercentile(
        r, LEAD_TIME_CODING_P50_HOURS, "service:checkout-api", "2026-W10", 2.5, 2, 3, 23.5, 2);
    // pickup (ready → first review by someone else): #1 10:00 → raj 12:00 = 2 (ana's own
    // comment at 10:30 does not count); #2 12:00 → 15:00 = 3; #3 ready 10:00 → 10:30 = 0.5;
    // #4 has no review. Sorted 0.5, 2, 3 → 2
    assertPercentile(
        r, LEAD_TIME_PICKUP_P50_HOURS, "service:checkout-api", "2026-W10", 2, 2, 3, 0.5);
    // review (first review → merge): #1 12:00→14:00 = 2; #2 03-02 15:00 → 03-03 09:00 = 18;
    // #3 10:30→11:00 = 0.5. Sorted 0.5, 2, 18 → 2
    assertPercentile(
        r, LEAD_TIME_REVIEW_P50_HOURS, "service:checkout-api", "2026-W10", 2, 2, 18, 0.5);
    // deploy (merge → deployment): #1 03-02 14:00 → D1 03-03 10:00 = 20; #2 09:00→10:00 = 1;
    // #3 03-03 11:00 → D2 03-04 10:00 = 23; #4 03-04 09:00 → D3 03-05 12:00 = 27 → (20+23)/2
    assertPercentile(
        r, LEAD_TIME_DEPLOY_P50_HOURS, "service:checkout-api", "2026-W10", 21.5, 20, 1, 23, 27);
    String pickup =
        byRef(drilldown(r, LEAD_TIME_PICKUP_P50_HOURS, "service:checkout-api", "2026-W10"))
            .get("pr:acme/checkout-api#1")
            .evidence()
            .rule();
    // what happened, not who: the reviewer is not named
    assertTrue(pickup.contains("first review 2026-"), pickup);
    assertTrue(!pickup.contains("rajp"), pickup);
  }

  @Test
  void withoutCommitGraphAPrShipsWithTheFirstDeploymentFinishedAtOrAfterItsMerge() {
    EngineResult r = withoutCommits();
    // #1 merged 03-02 14:00 → D1: 26 h; #2 has neither firstCommitAt nor commits: from its
    // creation 03-02 12:00 → D1 03-03 10:00 = 22 h; #3 merged 03-03 11:00 → D2: 48 h; #4 merged
    // 03-04 09:00 → D2 10:00 (finished after the merge): 03-03 20:00 → 03-04 10:00 = 14 h.
    // Sorted 14, 22, 26, 48: median 24; p90 26 + 0.7 × 22 = 41.4
    Figure p50 =
        assertPercentile(
            r, LEAD_TIME_P50_HOURS, "service:checkout-api", "2026-W10", 24, 26, 22, 48, 14);
    assertEquals("high", p50.tier()); // 24 h is not under 24 h
    assertPercentile(
        r, LEAD_TIME_P90_HOURS, "service:checkout-api", "2026-W10", 41.4, 26, 22, 48, 14);
    // deploy phase: 20, 1, 23, 1 → (1 + 20) / 2
    assertPercentile(
        r, LEAD_TIME_DEPLOY_P50_HOURS, "service:checkout-api", "2026-W10", 10.5, 20, 1, 23, 1);
    Map<String, Contribution> items =
        byRef(drilldown(r, LEAD_TIME_P50_HOURS, "service:checkout-api", "2026-W10"));
    String fourth = items.get("pr:acme/checkout-api#4").evidence().rule();
    assertTrue(
        fourth.contains(
            "deploy:D2 is the first successful production deployment of checkout-api finished at"
                + " or after the merge (time rule: no commit graph for acme/checkout-api)"),
        fourth);
    assertTrue(
        items.get("pr:acme/checkout-api#2").evidence().rule().startsWith("first commit (opened)"));
  }

  @Test
  void featureVelocityCountsDaysFromTheBetStartToItsFirstDeployedWork() {
    EngineResult r = graphKnown();
    // one-click started 2026-02-02; its first linked work (#3) shipped with D2 on 2026-03-04:
    // 26 days to 02-28, + 4 = 30 days; #4 shipped later and does not move it
    assertPercentile(r, FEATURE_VELOCITY_DAYS, "bet:one-click", "2026-W10", 30, 30);
    assertPercentile(r, FEATURE_VELOCITY_DAYS, "sto:ana", "2026-W10", 30, 30);
    Contribution item = drilldown(r, FEATURE_VELOCITY_DAYS, "bet:one-click", "2026-W10").get(0);
    assertEquals("deploy:D2", item.evidence().ref());
    assertTrue(item.evidence().rule().contains("(pr:acme/checkout-api#3)"), item.evidence().rule());
    // rolled up to the deploying service's scopes: one bet first deployed that week → its 30 days
    assertPercentile(r, FEATURE_VELOCITY_DAYS, "service:checkout-api", "2026-W10", 30, 30);
    assertPercentile(r, FEATURE_VELOCITY_DAYS, "org", "2026-W10", 30, 30);
    assertNoData(r, FEATURE_VELOCITY_DAYS, "org", "2026-W09");
    // without the graph, #3 and #4 both ship with D2: the same 30 days, both named
    Contribution byTime =
        drilldown(withoutCommits(), FEATURE_VELOCITY_DAYS, "bet:one-click", "2026-W10").get(0);
    assertTrue(
        byTime.evidence().rule().contains("(pr:acme/checkout-api#3, pr:acme/checkout-api#4)"),
        byTime.evidence().rule());
  }

  @Test
  void deploymentFiguresAreAboutThingsAndPrFiguresAboutPeople() {
    // privacy floor 3: pod checkout has 2 members, so its lead time is withheld; the service had
    // 3 distinct PR authors in W10, the organization 3 members; deployment figures are not
    // people-derived and stay visible in the pod
    EngineResult r =
        compute(
            DoraGolden.org("privacyFloor: 1", "privacyFloor: 3"), EVENTS, "2026-W09", "2026-W11");
    Figure podLead = figure(r, LEAD_TIME_P50_HOURS, "pod:checkout", "2026-W10");
    assertNull(podLead.value());
    assertNotNull(podLead.withheld());
    assertEquals(
        33, figure(r, LEAD_TIME_P50_HOURS, "service:checkout-api", "2026-W10").value(), EPS);
    assertEquals(33, figure(r, LEAD_TIME_P50_HOURS, "org", "2026-W10").value(), EPS);
    assertEquals(4, figure(r, DEPLOYMENT_FREQUENCY, "pod:checkout", "2026-W10").value(), EPS);
    List<Contribution> deployments =
        drilldown(r, DEPLOYMENT_FREQUENCY, "service:checkout-api", "2026-W10");
    assertTrue(deployments.stream().allMatch(c -> c.person() == null));
    assertEquals(
        List.of(
            ScopeId.ORG,
            ScopeId.pillar("commerce"),
            ScopeId.pod("checkout"),
            ScopeId.service("checkout-api"),
            ScopeId.repo("acme/checkout-api")),
        deployments.get(0).scopes());
  }

  @Test
  void aServiceNoConfigurationClaimsIsItsRepository() {
    // unconfigured-service: H1, a production deployment naming service "shop-api" of the
    // unclaimed repository acme/shop, 2026-03-03 12:00; ana's #5 there (first commit 03-02
    // 08:00, merged 03-03 09:00) ships with it by the time rule: 28 h; INC-9 on "shop-api" opened
    // 18:00 (6 h after H1, within the window), resolved 20:00 → recovery 8 h
    EngineResult r =
        compute(
            DoraGolden.org(),
            DoraGolden.events(DoraDeliveryTest.class, "unconfigured-service.ndjson"),
            "2026-W10",
            "2026-W10");
    assertEquals(1, figure(r, DEPLOYMENT_FREQUENCY, "service:acme/shop", "2026-W10").value(), EPS);
    assertEquals(1, figure(r, DEPLOYMENT_FREQUENCY, "repo:acme/shop", "2026-W10").value(), EPS);
    assertNoData(r, DEPLOYMENT_FREQUENCY, "pod:checkout", "2026-W10");
    assertPercentile(r, LEAD_TIME_P50_HOURS, "service:acme/shop", "2026-W10", 28, 28);
    // the PR counts for its author's pod, the deployment for nobody's pod
    assertPercentile(r, LEAD_TIME_P50_HOURS, "pod:checkout", "2026-W10", 28, 28);
    assertRatio(r, CHANGE_FAILURE_RATE, "service:acme/shop", "2026-W10", 1, 1);
    assertTrue(
        drilldown(r, CHANGE_FAILURE_RATE, "repo:acme/shop", "2026-W10")
            .get(0)
            .evidence()
            .rule()
            .contains("incident:INC-9 blames it (window"));
    assertPercentile(r, RECOVERY_TIME_P50_HOURS, "org", "2026-W10", 8, 8);
  }
}
