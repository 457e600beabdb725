package io.podometer.engine.metric.dora;

import static io.podometer.engine.figure.MetricId.DEPLOYMENT_FREQUENCY;
import static io.podometer.engine.figure.MetricId.DEPLOY_DAYS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_P50_HOURS;
import static io.podometer.engine.metric.dora.DoraGolden.EPS;
import static io.podometer.engine.metric.dora.DoraGolden.assertPercentile;
import static io.podometer.engine.metric.dora.DoraGolden.compute;
import static io.podometer.engine.metric.dora.DoraGolden.drilldown;
import static io.podometer.engine.metric.dora.DoraGolden.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.metric.EngineResult;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scenario {@code week53}: search-svc deploys around the turn of 2026/2027, in an organization on
 * America/New_York time (UTC−5 in winter). 2026-W53 runs Monday 2026-12-28 to Sunday 2027-01-03.
 *
 * <pre>
 * F1 2026-12-27 15:00Z (Sun 12-27 local)          → 2026-W52
 * F2 12-29 15:00Z, F3 12-30 15:00Z, F4 12-31 15:00Z, F5 2027-01-01 18:00Z → 2026-W53
 * F6 2027-01-04 03:00Z = Sun 2027-01-03 22:00 local → 2026-W53 (2027-W01 in UTC)
 * F7 2027-01-05 15:00Z                            → 2027-W01
 * #7 (sam) first commit 2026-12-31 00:00Z, merged 12:00Z → ships with F4 at 15:00Z
 * </pre>
 */
class DoraWeek53Test {

  private static final String SERVICE = "service:search-svc";

  private static EngineResult compute53() {
    return compute(
        DoraGolden.org("timeZone: UTC", "timeZone: America/New_York"),
        DoraGolden.events(DoraWeek53Test.class, "week53.ndjson"),
        "2026-W52",
        "2027-W05");
  }

  @Test
  void deploymentsFallInWeek53OfTheOrganizationsTimeZone() {
    EngineResult r = compute53();
    // W53: F2..F6 = 5 deployments on 5 local days (12-29, 12-30, 12-31, 01-01, 01-03): elite
    Figure w53 = figure(r, DEPLOYMENT_FREQUENCY, SERVICE, "2026-W53");
    assertEquals(5, w53.value(), EPS);
    assertEquals("elite", w53.tier());
    assertEquals(5, figure(r, DEPLOY_DAYS, SERVICE, "2026-W53").value(), EPS);
    assertEquals(
        Set.of("2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-03"),
        drilldown(r, DEPLOY_DAYS, SERVICE, "2026-W53").stream()
            .map(Contribution::numKey)
            .collect(Collectors.toSet()));
    // W52: F1 alone, high; 2027-W01: F7 alone (F6 belongs to W53 locally), high
    Figure w52 = figure(r, DEPLOYMENT_FREQUENCY, SERVICE, "2026-W52");
    assertEquals(1, w52.value(), EPS);
    assertEquals("high", w52.tier());
    Figure w01 = figure(r, DEPLOYMENT_FREQUENCY, SERVICE, "2027-W01");
    assertEquals(1, w01.value(), EPS);
    assertEquals("high", w01.tier());
    // 2027-W02: none, but F7 within the 4 weeks ending it (W52 … W02 spans W53): medium;
    // 2027-W05: none in W02..W05: low
    Figure w02 = figure(r, DEPLOYMENT_FREQUENCY, SERVICE, "2027-W02");
    assertEquals(0, w02.value(), EPS);
    assertEquals("medium", w02.tier());
    Figure w05 = figure(r, DEPLOYMENT_FREQUENCY, SERVICE, "2027-W05");
    assertEquals(0, w05.value(), EPS);
    assertEquals("low", w05.tier());
  }

  @Test
  void leadTimeCountsInWeek53() {
    EngineResult r = compute53();
    // #7: 2026-12-31 00:00Z → F4 2026-12-31 15:00Z = 15 h, in 2026-W53: elite (< 24 h)
    Figure lead = assertPercentile(r, LEAD_TIME_P50_HOURS, SERVICE, "2026-W53", 15, 15);
    assertEquals("elite", lead.tier());
    assertEquals(
        "pr:acme/search#7",
        drilldown(r, LEAD_TIME_P50_HOURS, "pod:search", "2026-W53").get(0).evidence().ref());
  }
}
