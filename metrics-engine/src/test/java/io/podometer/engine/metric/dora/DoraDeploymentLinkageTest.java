package io.podometer.engine.metric.dora;

import static io.podometer.engine.figure.MetricId.CHANGE_FAILURE_RATE;
import static io.podometer.engine.figure.MetricId.DEPLOYMENT_FREQUENCY;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_P50_HOURS;
import static io.podometer.engine.metric.dora.DoraGolden.EPS;
import static io.podometer.engine.metric.dora.DoraGolden.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.figure.Percentiles;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.dora.DeploymentLinkage.LinkedDeployment;
import io.podometer.engine.metric.dora.DeploymentLinkage.ServiceCoverage;
import io.podometer.engine.metric.dora.DeploymentLinkage.ShippedChange;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The linkage exported for other tools: scenarios {@code delivery} (commit graph known, see {@link
 * DoraDeliveryTest}) and {@code failures} (time rule, see {@link DoraFailuresTest}) with a
 * dependabot PR added. What it says must give back the engine's own DORA figures.
 */
class DoraDeploymentLinkageTest {

  /** Merged the morning of G1b, which ships it by the time rule; its author is an ignored bot. */
  private static final String DEPENDABOT_PR =
      """
      {"id":"pr:acme/checkout-api#40:opened","type":"pr.opened","source":"test","occurredAt":"2026-04-07T08:30:00Z","schema":1,"repo":"acme/checkout-api","data":{"number":40,"title":"Bump jackson","author":"dependabot[bot]","createdAt":"2026-04-07T08:30:00Z"}}
      {"id":"pr:acme/checkout-api#40:merged","type":"pr.merged","source":"test","occurredAt":"2026-04-07T09:00:00Z","schema":1,"repo":"acme/checkout-api","data":{"number":40,"author":"dependabot[bot]","mergedAt":"2026-04-07T09:00:00Z","mergeCommitSha":"b0b0b0b000000000000000000000000000000000","additions":2,"deletions":2}}
      """;

  private static List<CanonicalEvent> delivery() {
    return DoraGolden.events(DoraDeliveryTest.class, "delivery.ndjson");
  }

  private static List<CanonicalEvent> failures() {
    List<CanonicalEvent> events =
        new ArrayList<>(DoraGolden.events(DoraFailuresTest.class, "failures.ndjson"));
    events.addAll(GoldenData.events(DEPENDABOT_PR));
    return events;
  }

  private static EngineContext context(List<CanonicalEvent> events, String from, String to) {
    return new EngineContext(
        GoldenData.org(DoraGolden.org()),
        GoldenData.facts(events),
        IsoWeek.parse(from),
        IsoWeek.parse(to),
        Instant.parse("2027-06-01T00:00:00Z"));
  }

  private static Map<String, LinkedDeployment> byId(DeploymentLinkage linkage) {
    return linkage.deployments().stream()
        .collect(Collectors.toMap(LinkedDeployment::id, Function.identity()));
  }

  private static List<String> prs(LinkedDeployment d) {
    return d.changes().stream().map(c -> c.repo() + "#" + c.number()).toList();
  }

  @Test
  void deliveryListsProductionDeploymentsWithThePullRequestsTheyShippedFirst() {
    DeploymentLinkage linkage = DeploymentLinkage.of(context(delivery(), "2026-W09", "2026-W11"));

    // checkout-api since D0 (W09); search-svc since its staging deployment X1 (W10); billing none
    assertEquals(
        List.of(
            new ServiceCoverage("checkout-api", IsoWeek.parse("2026-W09")),
            new ServiceCoverage("search-svc", IsoWeek.parse("2026-W10"))),
        linkage.services());
    Map<String, LinkedDeployment> deployments = byId(linkage);
    // staging S1, X1 and preprod P1 are not production
    assertEquals(List.of("D0", "D1", "D2", "D3", "D4"), sortedIds(linkage));
    LinkedDeployment d2 = deployments.get("D2");
    assertEquals("checkout-api", d2.service());
    assertEquals("Production", d2.environment());
    assertEquals(Instant.parse("2026-03-04T10:00:00Z"), d2.finishedAt());
    assertEquals(IsoWeek.parse("2026-W10"), d2.week());
    assertTrue(d2.successful());
    assertFalse(d2.failed());

    assertEquals(List.of(), prs(deployments.get("D0")));
    assertEquals(List.of("acme/checkout-api#1", "acme/checkout-api#2"), prs(deployments.get("D1")));
    assertEquals(List.of("acme/checkout-api#3"), prs(deployments.get("D2")));
    assertEquals(List.of("acme/checkout-api#4"), prs(deployments.get("D3")));
    assertEquals(List.of(), prs(deployments.get("D4")));

    List<ShippedChange> d1 = deployments.get("D1").changes();
    // #1 names its first commit; #2 does not: its earliest own commit b2a, not the squash commit
    assertEquals(Instant.parse("2026-03-02T08:00:00Z"), d1.get(0).leadTimeStart());
    assertEquals(Instant.parse("2026-03-02T09:00:00Z"), d1.get(1).leadTimeStart());
    assertEquals(Instant.parse("2026-03-03T09:00:00Z"), d1.get(1).mergedAt());
    assertEquals("rajp", d1.get(1).author());
    assertFalse(d1.get(1).byIgnoredBot());
  }

  @Test
  void failedIsWhatChangeFailureRateCounts() {
    DeploymentLinkage linkage = DeploymentLinkage.of(context(failures(), "2026-W12", "2026-W15"));
    Map<String, LinkedDeployment> deployments = byId(linkage);
    // W12: E1 (INC-5 by sha), E2 (status), E4 (INC-1 by id), E5 (rolled back by E6)
    List<String> failedW12 =
        linkage.deployments().stream()
            .filter(d -> d.week().equals(IsoWeek.parse("2026-W12")) && d.failed())
            .map(LinkedDeployment::id)
            .sorted()
            .toList();
    assertEquals(List.of("E1", "E2", "E4", "E5"), failedW12);
    assertFalse(deployments.get("E2").successful());
    assertTrue(deployments.get("E3").successful());
    // no commit graph: #30 and #31 ship with the first successful deployment after their merge
    assertEquals(List.of("acme/checkout-api#30"), prs(deployments.get("G1")));
    assertEquals(List.of("acme/checkout-api#31"), prs(deployments.get("G2")));
    // #40 has no commit at all: its lead time would start when opened, but a bot counts for nobody
    ShippedChange bot = deployments.get("G1b").changes().get(0);
    assertEquals("acme/checkout-api#40", bot.repo() + "#" + bot.number());
    assertEquals(Instant.parse("2026-04-07T08:30:00Z"), bot.leadTimeStart());
    assertTrue(bot.byIgnoredBot());
  }

  @Test
  void theLinkageGivesBackTheEnginesFrequencyLeadTimeAndFailureRate() {
    assertSameFigures(delivery(), "2026-W09", "2026-W11");
    assertSameFigures(failures(), "2026-W12", "2026-W15");
  }

  /** Each service's weekly figures recomputed from the linkage alone equal the engine's. */
  private static void assertSameFigures(List<CanonicalEvent> events, String from, String to) {
    EngineContext context = context(events, from, to);
    DeploymentLinkage linkage = DeploymentLinkage.of(context);
    EngineResult engine =
        DoraGolden.compute(DoraGolden.org(), events, from, to); // same facts, same weeks
    int compared = 0;
    for (ServiceCoverage service : linkage.services()) {
      for (IsoWeek week = IsoWeek.parse(from);
          week.compareTo(IsoWeek.parse(to)) <= 0;
          week = week.plusWeeks(1)) {
        if (week.compareTo(service.deploymentsKnownFrom()) < 0) {
          continue;
        }
        String scope = "service:" + service.service();
        List<LinkedDeployment> ofWeek = new ArrayList<>();
        for (LinkedDeployment d : linkage.deployments()) {
          if (d.service().equals(service.service()) && d.week().equals(week)) {
            ofWeek.add(d);
          }
        }
        long successful = ofWeek.stream().filter(LinkedDeployment::successful).count();
        assertEquals(
            successful,
            figure(engine, DEPLOYMENT_FREQUENCY, scope, week.toString()).value(),
            EPS,
            "deployment frequency " + scope + " " + week);
        compared++;
        if (ofWeek.isEmpty()) {
          continue;
        }
        long failed = ofWeek.stream().filter(LinkedDeployment::failed).count();
        assertEquals(
            (double) failed / ofWeek.size(),
            figure(engine, CHANGE_FAILURE_RATE, scope, week.toString()).value(),
            EPS,
            "change failure rate " + scope + " " + week);
        double[] hours =
            ofWeek.stream()
                .filter(LinkedDeployment::successful)
                .flatMap(
                    d ->
                        d.changes().stream()
                            .filter(c -> !c.byIgnoredBot())
                            .map(c -> hoursBetween(c.leadTimeStart(), d.finishedAt())))
                .mapToDouble(Double::doubleValue)
                .toArray();
        if (hours.length > 0) {
          assertEquals(
              Percentiles.cont(hours, hours.length, 0.5),
              figure(engine, LEAD_TIME_P50_HOURS, scope, week.toString()).value(),
              EPS,
              "lead time " + scope + " " + week);
        }
      }
    }
    assertTrue(compared > 0, "no cell compared");
  }

  private static double hoursBetween(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis() / 3_600_000.0);
  }

  private static List<String> sortedIds(DeploymentLinkage linkage) {
    return linkage.deployments().stream().map(LinkedDeployment::id).sorted().toList();
  }
}
