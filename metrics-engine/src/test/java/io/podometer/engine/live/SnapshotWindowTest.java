package io.podometer.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.FactWindow;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A drill-down's window of facts is cut once per snapshot and week (a year of facts made it cost
 * more than the drill-down itself), and is the very window the engine would cut.
 */
class SnapshotWindowTest {

  @Test
  void aWeeksWindowIsCutOnceAndHoldsWhatTheEngineWouldCut() {
    OrgModel org = GoldenData.org(GoldenData.engineResource("metric/dora/DoraGolden/org.yaml"));
    var zone = org.org().timeZone();
    IsoWeek from = new IsoWeek(2026, 2);
    IsoWeek to = new IsoWeek(2026, 17);
    MaterializedFigures live =
        new MaterializedFigures(MetricFamilies.engine().withoutMembers(), org, from, to);
    live.loadFacts(
        GoldenData.folded(
            GoldenData.events(
                GoldenData.engineResource("metric/dora/DoraDeliveryTest/delivery.ndjson"))));
    live.recomputeAll(Instant.parse("2026-04-22T00:00:00Z"));
    FigureSnapshot snapshot = live.snapshot();
    IsoWeek week = new IsoWeek(2026, 10);

    FactSet window = snapshot.window(week, week, zone);
    assertSame(window, snapshot.window(week, week, zone), "cut once");
    FactSet cut = FactWindow.around(snapshot.facts(), week, week, zone);
    assertFalse(window.deployments().isEmpty(), "a real window");
    assertEquals(cut.pullRequests(), window.pullRequests());
    assertEquals(cut.deployments(), window.deployments());
    assertEquals(cut.commits(), window.commits());
    // a few weeks are kept; asking for more starts again rather than grows
    for (int w = 7; w <= 9; w++) {
      snapshot.window(new IsoWeek(2026, w), new IsoWeek(2026, w), zone);
    }
    assertNotSame(window, snapshot.window(week, week, zone), "let go once others were asked");
  }
}
