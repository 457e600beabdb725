package io.podometer.engine.metric.ai;

import static io.podometer.engine.metric.ai.AiGolden.assertRatio;
import static io.podometer.engine.metric.ai.AiGolden.figure;
import static io.podometer.engine.metric.ai.AiGolden.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seats, onboarding and merge rates in 2026-W10 (Mon 03-02 … Sun 03-08; seats.ndjson, org.yaml).
 * The idle window of W10 is the 30 days 2026-02-07 … 2026-03-08.
 *
 * <pre>
 * seat (holder, pod)       tool      assigned    ends / removed     use seen               W10 used  idle
 * ana-l (ana, checkout)    copilot   2025-09-01                     usage 03-03            yes       no
 * ben-k (ben, checkout)    copilot   2025-09-01                     last activity 01-15    no        YES
 * cyd-o (cyd, checkout)    copilot   2025-09-01                     last activity 02-20    no        no (02-20 in window)
 * cyd-o                    windsurf  2025-09-01  use known from 03-20   —                   not counted (unknown)
 * dia-n (dia, checkout)    copilot   2026-02-23                     copilot 03-06          yes       no (held < 30 days)
 * sam-ito (sam, search)    copilot   2025-09-01  removed 03-04      usage 02-10            no        no (not held at the end)
 * tia-n (tia, search)      copilot   2025-09-01  ends 2026-03-31    none                   no        YES
 * uma-r (uma, search)      cursor    2025-09-01                     usage 03-06            yes       no
 * ghost-x (unmapped, org)  copilot   2025-09-01                     none                   no        YES
 * new-x (unmapped, org)    copilot   2025-09-01  use known from 02-20   none                   no        no (known < 30 days)
 * late-l (unmapped)        copilot   2026-03-09                     —                      not held in W10
 * </pre>
 *
 * Onboarding, one item each: dia joined 02-16, first use (Claude Code) 03-04 → 16 days; her Copilot
 * seat from 02-23, first Copilot use 03-06 → 11; eli joined 03-02, first use 03-05 → 3; fay joined
 * 01-12, first use 03-06 → 53; gus joined 01-05, first use 03-06 → 60, past the 56-day horizon;
 * every other joining and seat is of 2025 (beyond it too), late-l's seat and new-x's unused.
 *
 * <p>Pull requests of acme/checkout-api closed in W10: #1 ana merged, #2 ben closed unmerged, #3
 * copilot-swe-agent[bot] merged, #4 the same agent closed, #5 cyd's on the agent branch
 * copilot/fix-login closed; dependabot's #6 ignored, #7 still open, #8 merged in W11.
 */
class SeatFiguresTest {

  private static final String W10 = "2026-W10";
  private static EngineResult result;

  @BeforeAll
  static void compute() {
    OrgModel org = GoldenData.org(GoldenData.resource(SeatFiguresTest.class, "org.yaml"));
    EngineContext context =
        new EngineContext(
            org,
            GoldenData.facts(
                GoldenData.events(GoldenData.resource(SeatFiguresTest.class, "seats.ndjson"))),
            IsoWeek.parse(W10),
            IsoWeek.parse("2026-W11"),
            AiGolden.NOW);
    result =
        new MetricsEngine(List.of(new SeatFamily(), new MergeRateFamily()), DoraTiers.DEFAULTS)
            .withoutComplements()
            .compute(context);
  }

  @Test
  void seatUtilization() {
    // checkout: ana and dia used theirs, ben and cyd did not: 2 / 4
    assertRatio(result, MetricId.SEAT_UTILIZATION, "pod:checkout", W10, 2, 4, 4);
    // search: sam (held until 03-04) and tia unused, uma's cursor seat used: 1 / 3
    assertRatio(result, MetricId.SEAT_UTILIZATION, "pod:search", W10, 1, 3, 3);
    // org: those 7, ghost-x's and new-x's unused seats: 3 / 9; late-l's seat starts in W11
    assertRatio(result, MetricId.SEAT_UTILIZATION, "org", W10, 3, 9, 9);
    assertEquals(
        List.of(
            "seat:copilot:ana-l 1/1",
            "seat:copilot:ben-k 0/1",
            "seat:copilot:cyd-o 0/1",
            "seat:copilot:dia-n 1/1",
            "seat:copilot:ghost-x 0/1",
            "seat:copilot:new-x 0/1",
            "seat:copilot:sam-ito 0/1",
            "seat:copilot:tia-n 0/1",
            "seat:cursor:uma-r 1/1"),
        items(result, MetricId.SEAT_UTILIZATION, "org", W10));
    // W11: late-l's seat comes in, sam's is gone: 9 seats, none used
    Figure w11 = figure(result, MetricId.SEAT_UTILIZATION, "org", "2026-W11");
    assertEquals(0, w11.num(), 1e-9);
    assertEquals(9, w11.den(), 1e-9);
  }

  @Test
  void idleSeatsAndTheirCost() {
    // ben's and tia's seats in their pods, and ghost-x's at the organization's level
    assertSum(MetricId.IDLE_SEATS, "pod:checkout", 1);
    assertSum(MetricId.IDLE_SEATS, "pod:search", 1);
    assertSum(MetricId.IDLE_SEATS, "org", 3);
    assertEquals(
        List.of("seat:copilot:ben-k 1/0", "seat:copilot:ghost-x 1/0", "seat:copilot:tia-n 1/0"),
        items(result, MetricId.IDLE_SEATS, "org", W10));
    // 19 USD a month per Copilot seat: 3 × 19 = 57
    assertSum(MetricId.IDLE_SEAT_COST_USD, "pod:checkout", 19);
    assertSum(MetricId.IDLE_SEAT_COST_USD, "org", 57);
  }

  @Test
  void daysToFirstAiUse() {
    // checkout: eli 3, dia's seat 11, dia joining 16 → 11
    assertMedian("pod:checkout", 11, 3);
    // search: fay 53 (gus's 60 is past the horizon)
    assertMedian("pod:search", 53, 1);
    // org: 3, 11, 16, 53 → (11 + 16) / 2 = 13.5
    assertMedian("org", 13.5, 4);
    assertEquals(
        List.of(
            "onboarding:dia:joined 0/0",
            "onboarding:dia:seat:copilot 0/0",
            "onboarding:eli:joined 0/0",
            "onboarding:fay:joined 0/0"),
        items(result, MetricId.DAYS_TO_FIRST_AI_USE, "org", W10));
  }

  @Test
  void mergeRatesOfAgentsAndPeople() {
    // people: #1 merged, #2 closed → 1 / 2
    assertRatio(result, MetricId.HUMAN_PR_MERGE_RATE, "pod:checkout", W10, 1, 2, 2);
    // agents: #3 merged, #4 and #5 (an agent's branch) closed → 1 / 3
    assertRatio(result, MetricId.AGENT_PR_MERGE_RATE, "pod:checkout", W10, 1, 3, 3);
    assertRatio(result, MetricId.AGENT_PR_MERGE_RATE, "org", W10, 1, 3, 3);
    assertEquals(
        List.of(
            "pr:acme/checkout-api#3 1/1",
            "pr:acme/checkout-api#4 0/1",
            "pr:acme/checkout-api#5 0/1"),
        items(result, MetricId.AGENT_PR_MERGE_RATE, "org", W10));
    // W11: ben's #8 merged
    assertRatio(result, MetricId.HUMAN_PR_MERGE_RATE, "org", "2026-W11", 1, 1, 1);
  }

  @Test
  void aLaterListingOutdatesARemovalOrACancellation() {
    java.time.ZoneId utc = java.time.ZoneOffset.UTC;
    java.time.Instant assigned = java.time.Instant.parse("2025-09-01T00:00:00Z");
    java.time.Instant removed = java.time.Instant.parse("2026-03-04T06:00:00Z");
    // removed by the listing of 03-04 (the listing before it, 03-03): ends that day
    assertEquals(
        java.time.LocalDate.parse("2026-03-04"),
        seat(assigned, null, removed, java.time.Instant.parse("2026-03-03T06:00:00Z")).endDay(utc));
    // listed again on 03-10: held again, the removal outdated
    assertNull(
        seat(assigned, null, removed, java.time.Instant.parse("2026-03-10T06:00:00Z")).endDay(utc));
    // cancelled for 03-31 as listed on 03-10: held through the 31st
    assertEquals(
        java.time.LocalDate.parse("2026-04-01"),
        seat(
                assigned,
                java.time.LocalDate.parse("2026-03-31"),
                null,
                java.time.Instant.parse("2026-03-10T06:00:00Z"))
            .endDay(utc));
    // still listed on 04-02: the cancellation did not happen
    assertNull(
        seat(
                assigned,
                java.time.LocalDate.parse("2026-03-31"),
                null,
                java.time.Instant.parse("2026-04-02T06:00:00Z"))
            .endDay(utc));
  }

  private static io.podometer.engine.event.EventData.AgentSeat seat(
      java.time.Instant assigned,
      java.time.LocalDate endsOn,
      java.time.Instant removedAt,
      java.time.Instant listedAt) {
    return new io.podometer.engine.event.EventData.AgentSeat(
        "copilot", "ana-l", "acme", assigned, null, null, endsOn, removedAt, null, listedAt);
  }

  private static void assertSum(MetricId metric, String scope, double expected) {
    Figure figure = figure(result, metric, scope, W10);
    assertNull(figure.withheld(), metric + " " + scope + " shown");
    assertEquals(expected, figure.value(), 1e-9, metric + " " + scope);
  }

  private static void assertMedian(String scope, double expected, int n) {
    Figure figure =
        result.figure(MetricId.DAYS_TO_FIRST_AI_USE, ScopeId.parse(scope), IsoWeek.parse(W10));
    assertNull(figure.withheld(), scope + " shown");
    assertEquals(expected, figure.value(), 1e-9, "days to first AI use of " + scope);
    assertEquals(n, figure.n(), "people of " + scope);
  }
}
