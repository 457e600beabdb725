package io.podometer.engine.metric.ai;

import static io.podometer.engine.metric.ai.AiGolden.assertRatio;
import static io.podometer.engine.metric.ai.AiGolden.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import org.junit.jupiter.api.Test;

/**
 * The adoption curve of a pilot pod and the engine's weeks to 90 % adoption (pilot.yaml: pod lab, 3
 * engineers, pilot from Monday 2026-03-02 = 2026-W10). Each engineer reviews every week of
 * W10..W12; agents used: W10 xe; W11 xe, yan (zoe's day inactive); W12 xe, yan, zoe.
 */
class AdoptionCurveTest {

  @Test
  void weeksTo90PercentAdoptionCountsFromThePilotStart() {
    EngineResult result =
        AiGolden.compute(
            GoldenData.org(GoldenData.resource(AdoptionCurveTest.class, "pilot.yaml")),
            AiGolden.events(AdoptionCurveTest.class, "pilot.ndjson"),
            "2026-W09",
            "2026-W13");
    assertRatio(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "pod:lab", "2026-W10", 1, 3, 3);
    assertRatio(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "pod:lab", "2026-W11", 2, 3, 3);
    assertRatio(result, MetricId.WEEKLY_ACTIVE_AI_USERS, "pod:lab", "2026-W12", 3, 3, 3);
    // 1/3, 2/3 under 90 %; 3/3 in W12, 2 weeks after the start week W10
    for (String week : new String[] {"2026-W09", "2026-W10", "2026-W11"}) {
      assertNull(
          result.figure(MetricId.WEEKS_TO_90PCT_ADOPTION, ScopeId.pod("lab"), IsoWeek.parse(week)),
          week);
    }
    assertEquals(
        2.0, figure(result, MetricId.WEEKS_TO_90PCT_ADOPTION, "pod:lab", "2026-W12").value());
    assertEquals(
        2.0, figure(result, MetricId.WEEKS_TO_90PCT_ADOPTION, "pod:lab", "2026-W13").value());
  }
}
