package io.podometer.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FactFolder;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.FactWindow;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.List;
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

  private static final String PR1 =
      """
      {"id":"pr:acme/checkout-api#1:opened","type":"pr.opened","source":"test","occurredAt":"2026-03-02T10:00:00Z","schema":1,"repo":"acme/checkout-api","data":{"number":1,"title":"Add cart totals","author":"ana-l","createdAt":"2026-03-02T10:00:00Z"}}
      {"id":"pr:acme/checkout-api#1:merged","type":"pr.merged","source":"test","occurredAt":"2026-03-02T14:00:00Z","schema":1,"repo":"acme/checkout-api","data":{"number":1,"author":"ana-l","mergedAt":"2026-03-02T14:00:00Z","mergeCommitSha":"a1a1a1a000000000000000000000000000000000","additions":30,"deletions":3,"firstCommitAt":"2026-03-02T08:00:00Z"}}
      {"id":"pr:acme/checkout-api#1:ready","type":"pr.ready_for_review","source":"test","occurredAt":"2026-03-02T11:00:00Z","schema":1,"repo":"acme/checkout-api","data":{"number":1,"at":"2026-03-02T11:00:00Z"}}
      """;

  private static final String NEW =
      """
      {"id":"deploy:checkout-api:D99","type":"deployment.finished","source":"test","occurredAt":"2026-03-05T10:00:00Z","schema":1,"repo":"acme/checkout-api","data":{"deploymentId":"D99","service":"checkout-api","environment":"production","status":"success","finishedAt":"2026-03-05T10:00:00Z"}}
      """;

  @Test
  void aFactSetHandedOutStaysAsItWasWhenTheLiveFactsAreRevisedAfterwards() {
    // readers and a full recomputation on other threads read a set handed out while the owner
    // goes on changing the live facts: the set's windows must not change under them
    OrgModel org = GoldenData.org(GoldenData.engineResource("metric/dora/DoraGolden/org.yaml"));
    var zone = org.org().timeZone();
    Instant now = Instant.parse("2026-04-22T00:00:00Z");
    MaterializedFigures live =
        new MaterializedFigures(
            MetricFamilies.engine().withoutMembers(),
            org,
            new IsoWeek(2026, 2),
            new IsoWeek(2026, 17));
    live.loadFacts(
        GoldenData.folded(
            GoldenData.events(
                GoldenData.engineResource("metric/dora/DoraDeliveryTest/delivery.ndjson"))));
    live.recomputeAll(now);
    FactFolder folder = new FactFolder();
    CanonicalEvent added = GoldenData.events(NEW).get(0);
    live.apply(List.of(folder.fold(FactKey.of(added), List.of(added))), now);
    FactSet handedOut = live.facts(); // patched from the set before: shares what it tracks
    IsoWeek week = new IsoWeek(2026, 10); // PR #1 merged Monday 2026-03-02
    List<PullRequestFact> seen =
        List.copyOf(FactWindow.around(handedOut, week, week, zone).pullRequests());
    assertFalse(seen.isEmpty(), "a real window");

    // PR #1 marked ready for review a while after it was opened: a revision of its fact
    List<CanonicalEvent> revised = GoldenData.events(PR1);
    live.apply(List.of(folder.fold(FactKey.of(revised.get(0)), revised)), now);

    assertEquals(
        seen,
        FactWindow.around(handedOut, week, week, zone).pullRequests(),
        "the set handed out holds the pull request as it was");
  }
}
