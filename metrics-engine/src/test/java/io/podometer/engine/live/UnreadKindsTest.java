package io.podometer.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Live figures do not keep the kinds no metric reads ({@link AffectedWeeks#UNREAD}); this holds
 * only while no metric reads them: a full computation over the facts with CI runs, bet signals, bet
 * learnings and an organization's day of Copilot tied to the dataset's pull requests, commits and
 * bet equals the live figures, which never saw them. A metric that starts reading one of those
 * kinds fails here until its kind leaves the set.
 */
class UnreadKindsTest {

  private static final MetricsEngine ENGINE = MetricFamilies.engine();

  // tied to the delivery dataset: its repository, pull requests 1-3, a merge commit, bet one-click
  private static final String UNREAD_EVENTS =
      """
      {"id":"ci:1","type":"ci.run_completed","source":"test","occurredAt":"2026-03-03T10:00:00Z","schema":1,"repo":"acme/checkout-api","data":{"runId":"1","workflow":"build","conclusion":"failure","completedAt":"2026-03-03T10:00:00Z","startedAt":"2026-03-03T09:40:00Z","headSha":"a1a1a1a000000000000000000000000000000000","branch":"main","prNumbers":[1]}}
      {"id":"ci:2","type":"ci.run_completed","source":"test","occurredAt":"2026-03-04T10:00:00Z","schema":1,"repo":"acme/checkout-api","data":{"runId":"2","workflow":"build","conclusion":"success","completedAt":"2026-03-04T10:00:00Z","startedAt":"2026-03-04T09:00:00Z","headSha":"5a5a5a5000000000000000000000000000000000","branch":"main","prNumbers":[2,3]}}
      {"id":"signal:1","type":"bet.signal","source":"test","occurredAt":"2026-03-05T10:00:00Z","schema":1,"data":{"betId":"one-click","name":"conversion","value":0.42,"at":"2026-03-05T10:00:00Z"}}
      {"id":"org-usage:copilot:acme:2026-03-03","type":"agent.org_usage","source":"test","occurredAt":"2026-03-04T06:00:00Z","schema":1,"data":{"tool":"copilot","account":"acme","day":"2026-03-03","activeUsers":12,"suggestions":900,"acceptances":270}}
      {"id":"learning:1","type":"bet.learning","source":"test","occurredAt":"2026-03-06T10:00:00Z","schema":1,"data":{"betId":"one-click","author":"ana","text":"one click doubles conversion","at":"2026-03-06T10:00:00Z"}}
      """;

  @Test
  void liveFiguresWithoutTheUnreadKindsEqualAFullComputationWithThem() {
    OrgModel org = GoldenData.org(GoldenData.engineResource("metric/dora/DoraGolden/org.yaml"));
    List<CanonicalEvent> events =
        new ArrayList<>(
            GoldenData.events(
                GoldenData.engineResource("metric/dora/DoraDeliveryTest/delivery.ndjson")));
    List<CanonicalEvent> unread = GoldenData.events(UNREAD_EVENTS);
    Set<FactKind> added = EnumSet.noneOf(FactKind.class);
    unread.forEach(e -> added.add(FactKey.of(e).kind()));
    assertEquals(AffectedWeeks.UNREAD, added, "every kind said to be unread is tried here");
    events.addAll(unread);

    List<FoldedFact> folded = GoldenData.folded(events);
    var zone = org.org().timeZone();
    IsoWeek from = IsoWeek.of(Instant.parse("2026-02-16T00:00:00Z"), zone);
    IsoWeek to = IsoWeek.of(Instant.parse("2026-04-20T00:00:00Z"), zone);
    Instant now = Instant.parse("2026-04-22T00:00:00Z");

    Map<FigureKey, Figure> full =
        ENGINE
            .computeFigures(new EngineContext(org, FactSet.fromFolded(folded), from, to, now))
            .figureMap();
    MaterializedFigures live = new MaterializedFigures(ENGINE, org, from, to);
    live.loadFacts(folded);
    live.recomputeAll(now);

    assertTrue(full.size() > 10, "the dataset produces figures");
    IncrementalReplayTest.assertSame(full, live.all(), "live figures without the unread kinds");
  }
}
