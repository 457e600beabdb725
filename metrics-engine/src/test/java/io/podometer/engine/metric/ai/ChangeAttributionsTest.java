package io.podometer.engine.metric.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.attribution.ChangeAttribution;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import org.junit.jupiter.api.Test;

/**
 * The split by source attributes each commit once and must agree with the engine's pull-request
 * attributor on every merged PR: same added lines, AI lines, strongest source and tool.
 */
class ChangeAttributionsTest {

  @Test
  void agreesWithTheEnginesPullRequestAttributor() {
    int compared = 0;
    for (var dataset :
        new Object[][] {
          {AiCodeShareTest.class, "landed_changes.ndjson"},
          {EngineerAdoptionTest.class, "engineers.ndjson"},
          {PrivacyAndCalendarTest.class, "week53.ndjson"}
        }) {
      FactSet facts = GoldenData.facts(AiGolden.events((Class<?>) dataset[0], (String) dataset[1]));
      EngineContext context =
          new EngineContext(
              AiGolden.org(),
              facts,
              IsoWeek.parse("2026-W01"),
              IsoWeek.parse("2027-W01"),
              AiGolden.NOW);
      LandedChanges changes = new LandedChanges(facts);
      ChangeAttributions attributions = new ChangeAttributions(context, changes);
      for (PullRequestFact pr : facts.pullRequests()) {
        if (pr.mergedAt() == null) {
          continue;
        }
        ChangeAttribution expected =
            context
                .attributor()
                .attribute(
                    pr, changes.branchCommits(pr), changes.landed(pr), changes.attributionsBySha());
        SourcedAttribution actual = attributions.of(pr);
        String which = pr.repo() + "#" + pr.number();
        assertEquals(expected.addedLines(), actual.addedLines(), which);
        assertEquals(expected.aiLines(), actual.aiLines(), which);
        assertEquals(expected.isAi(), actual.ai(), which);
        assertEquals(expected.source(), actual.strongest(), which);
        if (actual.ai()) {
          assertEquals(expected.tool(), actual.parts().get(0).tool(), which);
          assertEquals(
              actual.aiLines(),
              actual.parts().stream().mapToInt(SourcedAttribution.Part::aiLines).sum(),
              which);
        }
        compared++;
      }
    }
    assertTrue(compared >= 20, compared + " merged PRs compared");
  }
}
