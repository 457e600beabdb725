package io.podometer.engine.metric.ai;

import static io.podometer.engine.metric.ai.AiGolden.assertRatio;
import static io.podometer.engine.metric.ai.AiGolden.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weekly active AI users, AI-First engineers and their manual-edit share (engineers.ndjson).
 *
 * <pre>
 * engineer  W06             W07          W08                W09          W10
 * ana                       PR 80/100 AI              PR 60/60 AI  review (usage day inactive)
 * ben                                    PR 40/40 AI                   copilot used
 * cyd                                                                  PR 75/100 AI (line)
 * raj                                    review (search)               commit, PR opened (checkout)
 * sam       PR 0/30
 * tia                                                                  claude_code used
 * pam (PM, not an engineer): claude_code used in W10; agent and dependabot PRs: nobody
 * </pre>
 */
class EngineerAdoptionTest {

  private static EngineResult result;

  @BeforeAll
  static void compute() {
    result =
        AiGolden.compute(
            AiGolden.org(),
            AiGolden.events(EngineerAdoptionTest.class, "engineers.ndjson"),
            "2026-W09",
            "2026-W10");
  }

  @Test
  void weeklyActiveAiUsers() {
    // active in W10: ana (review), ben (usage), cyd (PR), raj (commit, PR), tia (usage) = 5;
    // AI signal: ben and tia (agent used), cyd (AI-attributed change) = 3
    assertRatio(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "org", "2026-W10", 3, 5, 5);
    // checkout: ana, ben, cyd, raj (his W10 activity is after his move) → ben, cyd = 2 of 4
    assertRatio(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "pod:checkout", "2026-W10", 2, 4, 4);
    assertRatio(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "pillar:commerce", "2026-W10", 2, 4, 4);
    // search: tia = 1 of 1 (search has raj, sam and tia as members that week: shown)
    assertRatio(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "pod:search", "2026-W10", 1, 1, 1);
    // W09: ana landed an AI-attributed PR = 1 of 1
    assertRatio(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "org", "2026-W09", 1, 1, 1);
  }

  @Test
  void eachActiveEngineerIsOneItemWithTheFactBehindIt() {
    // a signal is named by the first AI signal, else the first activity of the week
    assertEquals(
        List.of(
            "pr:acme/checkout-api#24 num=cyd den=cyd",
            "pr:acme/checkout-api#25 num=null den=raj",
            "review:acme/search#40:9001 num=null den=ana",
            "usage:claude_code:tia@acme.example:2026-03-06 num=tia den=tia",
            "usage:copilot:ben@acme.example:2026-03-05 num=ben den=ben"),
        items(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "org", "2026-W10"));
  }

  @Test
  void aiFirstEngineersOverTheFourWeeksEndingThatWeek() {
    // window W07..W10: ana 140 of 160 (87.5 %) → AI-First; ben 40 of 40 but under 50 lines;
    // cyd 75 of 100 = exactly 75 % → AI-First; raj (review W08, commit W10) and tia (W10) no lines;
    // sam was active in W06 only → 2 of 5
    assertRatio(result, MetricId.AI_FIRST_ENGINEERS, "org", "2026-W10", 2, 5, 5);
    // checkout: ana, ben, cyd, raj (W10) → 2 of 4; search: raj (W08), tia → 0 of 2
    assertRatio(result, MetricId.AI_FIRST_ENGINEERS, "pod:checkout", "2026-W10", 2, 4, 4);
    assertRatio(result, MetricId.AI_FIRST_ENGINEERS, "pod:search", "2026-W10", 0, 2, 2);
    // window W06..W09: ana 140 of 160 → AI-First; ben, raj, sam active → 1 of 4
    assertRatio(result, MetricId.AI_FIRST_ENGINEERS, "org", "2026-W09", 1, 4, 4);
    assertEquals(
        "2026-W07..2026-W10: 75 of 100 added lines AI (75.0 %): AI-First (at least 75 % of at"
            + " least 50 lines)",
        result
            .drilldown(
                MetricId.AI_FIRST_ENGINEERS, ScopeId.member("cyd"), IsoWeek.parse("2026-W10"))
            .get(0)
            .evidence()
            .rule());
  }

  @Test
  void manualEditShareOfTheAiFirstEngineers() {
    // W10: ana 20 of 160 non-AI, cyd 25 of 100 → 45 / 260
    assertRatio(result, MetricId.MANUAL_EDIT_SHARE, "org", "2026-W10", 45, 260, 2);
    assertEquals(
        List.of("engineer:ana:2026-W10 20/160", "engineer:cyd:2026-W10 25/100"),
        items(result, MetricId.MANUAL_EDIT_SHARE, "org", "2026-W10"));
    // W09: ana 20 / 160
    assertRatio(result, MetricId.MANUAL_EDIT_SHARE, "org", "2026-W09", 20, 160, 1);
    // no AI-First engineer in search: no data
    assertNull(
        result.figure(
            MetricId.MANUAL_EDIT_SHARE, ScopeId.pod("search"), IsoWeek.parse("2026-W10")));
  }
}
