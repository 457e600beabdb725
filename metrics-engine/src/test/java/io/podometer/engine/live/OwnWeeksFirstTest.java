package io.podometer.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FactFolder;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A new fact marks the weeks it can move and, among them, the weeks of its own moments: those a
 * caller recomputes and shows first, the others after.
 */
class OwnWeeksFirstTest {

  private static final String EARLIER =
      """
      {"id":"deploy:checkout-api:76","type":"deployment.finished","source":"test","occurredAt":"2026-03-16T09:00:00Z","schema":1,"repo":"acme/checkout-api","data":{"deploymentId":"76","service":"checkout-api","environment":"production","status":"success","finishedAt":"2026-03-16T09:00:00Z"}}
      """;

  private static final String DEPLOYMENT =
      """
      {"id":"deploy:checkout-api:77","type":"deployment.finished","source":"test","occurredAt":"2026-03-18T10:00:00Z","schema":1,"repo":"acme/checkout-api","data":{"deploymentId":"77","service":"checkout-api","environment":"production","status":"success","finishedAt":"2026-03-18T10:00:00Z"}}
      """;

  @Test
  void aDeploymentShowsFirstInItsOwnWeekThenMovesTheWeeksAroundIt() {
    OrgModel org = GoldenData.org(GoldenData.engineResource("metric/dora/DoraGolden/org.yaml"));
    var zone = org.org().timeZone();
    IsoWeek from = IsoWeek.of(Instant.parse("2026-01-05T12:00:00Z"), zone); // 2026-W02
    IsoWeek to = IsoWeek.of(Instant.parse("2026-04-20T12:00:00Z"), zone); // 2026-W17
    MaterializedFigures live =
        new MaterializedFigures(MetricFamilies.engine().withoutMembers(), org, from, to);
    live.loadFacts(GoldenData.folded(GoldenData.events(EARLIER)));
    live.recomputeAll(Instant.parse("2026-04-22T00:00:00Z"));

    CanonicalEvent event = GoldenData.events(DEPLOYMENT).get(0);
    FoldedFact fact = new FactFolder().fold(FactKey.of(event), List.of(event));
    TreeSet<IsoWeek> all = new TreeSet<>();
    TreeSet<IsoWeek> own = new TreeSet<>();
    live.absorbStored(Map.of(fact.key(), fact.fields().toString()), all, own);

    // finished Wednesday 2026-03-18: ISO week 2026-W12, its only moment
    assertEquals(new TreeSet<>(List.of(new IsoWeek(2026, 12))), own);
    // a deployment moves the 72 h before it (the incident window: incidents blaming it, rollbacks
    // and hotfixes within 24 h) — Sunday 03-15 10:00, W11 — and back to the last success before it
    // (Monday 03-16, W12), then every week up to the range's last (coverage, recoveries):
    // W11..W17, 7 weeks
    assertEquals(new IsoWeek(2026, 11), all.first());
    assertEquals(to, all.last());
    assertEquals(7, all.size());
    assertTrue(all.containsAll(own), "the own weeks are among those moved");
  }
}
