package io.podometer.engine.metric.ai;

import static io.podometer.engine.metric.ai.AiGolden.assertRatio;
import static io.podometer.engine.metric.ai.AiGolden.figure;
import static io.podometer.engine.metric.ai.AiGolden.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The privacy floor on AI figures, and weeks around the turn of 2026 (which has a week 53). */
class PrivacyAndCalendarTest {

  @Test
  void figuresOfGroupsUnderTheFloorAreWithheld() {
    // privacy.yaml: floor 3; pod alpha has ana and ben, pod beta has cyd.
    // ana's PR: 50 of 100 lines AI (trailer); cyd's PR: 0 of 100
    EngineResult result =
        AiGolden.compute(
            GoldenData.org(GoldenData.resource(PrivacyAndCalendarTest.class, "privacy.yaml")),
            AiGolden.events(PrivacyAndCalendarTest.class, "privacy.ndjson"),
            "2026-W10",
            "2026-W10");
    // the organization and its pillar have 3 members: shown, 50 / 200
    assertEquals(
        3, assertRatio(result, MetricId.AI_CODE_SHARE, "org", "2026-W10", 50, 200, 2).people());
    assertRatio(result, MetricId.AI_CODE_SHARE, "pillar:core", "2026-W10", 50, 200, 2);
    // a pod of 2 members, a pod of 1, a repository with 1 contributor: withheld
    assertWithheld(figure(result, MetricId.AI_CODE_SHARE, "pod:alpha", "2026-W10"));
    assertWithheld(figure(result, MetricId.AI_CODE_SHARE, "pod:beta", "2026-W10"));
    assertWithheld(figure(result, MetricId.AI_CODE_SHARE, "repo:acme/alpha", "2026-W10"));
    assertWithheld(figure(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "pod:alpha", "2026-W10"));
    // ana active with an AI signal, cyd active without: 1 of 2 for the organization
    assertRatio(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "org", "2026-W10", 1, 2, 2);
    // a member's own figure is private to them, never withheld
    assertRatio(result, MetricId.AI_CODE_SHARE, "member:ana", "2026-W10", 50, 100, 1);
  }

  @Test
  void week53CountsTheDaysFromMonday28DecemberToSunday3January() {
    // #51 merged Sun 2026-12-27: 2026-W52, 100 of 100 AI; #52 merged Mon 2026-12-28: 80 of 100;
    // #53 merged Sun 2027-01-03: 50 of 50 → 2026-W53 130 / 150; #54 Mon 2027-01-04: 2027-W01 0 / 60
    EngineResult result =
        AiGolden.compute(
            AiGolden.org(),
            AiGolden.events(PrivacyAndCalendarTest.class, "week53.ndjson"),
            "2026-W52",
            "2027-W01");
    assertRatio(result, MetricId.AI_CODE_SHARE, "org", "2026-W52", 100, 100, 1);
    assertRatio(result, MetricId.AI_CODE_SHARE, "pod:checkout", "2026-W53", 130, 150, 2);
    assertEquals(
        List.of(
            "pr:acme/checkout-api#52 80/100 trailer exact 0",
            "pr:acme/checkout-api#53 50/50 trailer exact 0"),
        items(result, MetricId.AI_CODE_SHARE, "org", "2026-W53"));
    assertRatio(result, MetricId.AI_CODE_SHARE, "org", "2027-W01", 0, 60, 1);
    // AI-First window of 2026-W53 is W50..W53: 230 of 250 (92 %) → 1 of 1; manual 20 / 250
    assertRatio(result, MetricId.AI_FIRST_ENGINEERS, "org", "2026-W53", 1, 1, 1);
    assertRatio(result, MetricId.MANUAL_EDIT_SHARE, "org", "2026-W53", 20, 250, 1);
    // window of 2027-W01 is 2026-W51..2027-W01: 230 of 310 (74.2 %) → not AI-First, 0 of 1
    assertRatio(result, MetricId.AI_FIRST_ENGINEERS, "org", "2027-W01", 0, 1, 1);
    assertEquals(
        "2026-W51..2027-W01: 230 of 310 added lines AI (74.2 %): not AI-First (needs at least"
            + " 75 % of at least 50 lines)",
        result
            .drilldown(MetricId.AI_FIRST_ENGINEERS, ScopeId.ORG, IsoWeek.parse("2027-W01"))
            .get(0)
            .evidence()
            .rule());
  }

  /** Withheld, and nothing left of the group: no value, num, den, item count or group size. */
  private static void assertWithheld(Figure figure) {
    assertNotNull(figure.withheld(), figure + " is withheld");
    assertNull(figure.value());
    assertNull(figure.num());
    assertNull(figure.den());
    assertEquals(0, figure.n());
    assertEquals(0, figure.people());
  }
}
