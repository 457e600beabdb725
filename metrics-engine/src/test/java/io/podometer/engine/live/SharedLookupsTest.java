package io.podometer.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The computations of one holder of figures share the organization model's lookups, which remember
 * what they decided (a pull request's bets, a commit's attribution): a pull request that changes is
 * decided again, never served what was decided for its earlier version.
 */
class SharedLookupsTest {

  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");
  private static final Instant NOW = Instant.parse("2026-03-23T00:00:00Z");

  private final List<CanonicalEvent> events =
      GoldenData.events(GoldenData.engineResource("metric/flow/FlowFamilyTest/throughput.ndjson"));

  @Test
  void aPullRequestRelabelledIsLinkedToItsBetAgainAndUnlinkedAgain() {
    OrgModel org =
        GoldenData.org(
            GoldenData.engineResource("metric/flow/FlowFamilyTest/org.yaml")
                + """
                bets:
                  - {id: one-click, title: One click, sto: ana, links: {labels: [bet-one-click]}}
                """);
    MaterializedFigures live =
        new MaterializedFigures(MetricFamilies.engine().withoutMembers(), org, W10, W10);
    live.loadFacts(GoldenData.folded(events));
    live.recomputeAll(NOW);
    // checkout merged #1 #2 #3 #4 #6 in W10 (dependabot's #5 counts for nobody), none linked: 5 / 5
    assertEquals(5.0, unlinked(live).num());
    assertEquals(5.0, unlinked(live).den());

    List<CanonicalEvent> revisions = new ArrayList<>();
    revisions.add(relabelled("2026-03-04T08:00:00Z", "labeled", "[\"bet-one-click\"]"));
    live.apply(prOne(revisions), NOW);
    // #1 now carries the bet's label: the bet has figures (withheld: one person's work), and the
    // pod's 4 unlinked of 5 are withheld too, as beside the bet's they would reveal it
    assertFalse(betFigures(live).isEmpty());
    assertNotNull(unlinked(live).withheld());

    revisions.add(relabelled("2026-03-05T08:00:00Z", "unlabeled", "[]"));
    live.apply(prOne(revisions), NOW);
    // the label gone again: no figure of the bet, and 5 / 5 as before it came
    assertEquals(List.of(), betFigures(live));
    assertEquals(5.0, unlinked(live).num());
    assertEquals(5.0, unlinked(live).den());

    live.recomputeAll(NOW);
    assertEquals(5.0, unlinked(live).num());
  }

  @Test
  void snapshotsHandOutTheLookupsOfTheModelTheirFiguresWereComputedWith() {
    OrgModel org = GoldenData.org(GoldenData.engineResource("metric/flow/FlowFamilyTest/org.yaml"));
    MaterializedFigures live =
        new MaterializedFigures(MetricFamilies.engine().withoutMembers(), org, W10, W10);
    live.loadFacts(GoldenData.folded(events));
    live.recomputeAll(NOW);
    FigureSnapshot first = live.snapshot();
    live.apply(prOne(List.of()), NOW);
    // drill-downs and range totals read through them: what the figures decided is not decided again
    assertSame(first.lookups(), live.snapshot().lookups());
    assertSame(org, first.lookups().org());

    OrgModel next =
        GoldenData.org(GoldenData.engineResource("metric/flow/FlowFamilyTest/org.yaml"));
    live.reset(next, W10, W10, NOW);
    // a new model: lookups of its own
    assertSame(next, live.snapshot().lookups().org());
    assertNotSame(first.lookups(), live.snapshot().lookups());
  }

  private static List<FigureKey> betFigures(MaterializedFigures live) {
    return live.all().keySet().stream().filter(key -> key.scope().kind() == ScopeKind.BET).toList();
  }

  private static Figure unlinked(MaterializedFigures live) {
    return live.figure(MetricId.UNLINKED_PR_SHARE, ScopeId.pod("checkout"), W10);
  }

  /** acme/checkout#1 folded from its events in the fixture and {@code revisions}. */
  private List<FoldedFact> prOne(List<CanonicalEvent> revisions) {
    List<CanonicalEvent> its = new ArrayList<>();
    for (CanonicalEvent event : events) {
      if (event.id().startsWith("pr:acme/checkout#1:")) {
        its.add(event);
      }
    }
    its.addAll(revisions);
    return GoldenData.folded(its);
  }

  private static CanonicalEvent relabelled(String at, String action, String labels) {
    return GoldenData.events(
            """
            {"id":"pr:acme/checkout#1:%s","type":"pr.updated","source":"github","occurredAt":"%s","schema":1,"repo":"acme/checkout","data":{"number":1,"at":"%s","action":"%s","labels":%s}}
            """
                .formatted(action, at, at, action, labels))
        .get(0);
  }
}
