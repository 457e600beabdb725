package io.podometer.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * How far back a new deployment moves the figures: a few days after a recent success, back to the
 * failures it recovers however old, and every week when it may tie an open incident to any earlier
 * deployment. The golden DORA organization: UTC, production is "prod|production", incident window
 * 72 h.
 */
class DeploymentReachTest {

  private static final OrgModel ORG =
      GoldenData.org(GoldenData.engineResource("metric/dora/DoraGolden/org.yaml"));
  private static final IsoWeek FROM = new IsoWeek(2026, 2); // Monday 2026-01-05
  private static final IsoWeek TO = new IsoWeek(2026, 17); // Monday 2026-04-20
  private static final Instant NOW = Instant.parse("2026-04-22T00:00:00Z");

  @Test
  void aDeploymentDaysAfterASuccessMovesItsOwnWeekAndThoseAfter() {
    // D1 succeeded Monday 2026-03-16 (W12); D2 finishes Friday 03-20 10:00 (W12). Back from D2:
    // 72 h (the incident window, longer than the 24 h of rollbacks and hotfixes) is Tuesday 03-17
    // 10:00, and the last success before it is D1 on Monday 03-16: both in W12. Forward: every
    // week to the range's last (coverage, recoveries). W12..W17: 6 weeks, against 11 when a
    // deployment moved 5 weeks back whatever came before it.
    TreeSet<IsoWeek> all =
        moved(
            List.of(deployment("D1", "2026-03-16T09:00:00Z", "success", "")),
            deployment("D2", "2026-03-20T10:00:00Z", "success", ""));
    assertEquals(new IsoWeek(2026, 12), all.first());
    assertEquals(TO, all.last());
    assertEquals(6, all.size());
  }

  @Test
  void aSuccessAfterALongFailureReachesBackToTheFailureItRecovers() {
    // D1 succeeded 2026-01-12 (W03); F failed Wednesday 01-21 10:00 (W04) and nothing deployed
    // since; D2 succeeds 2026-03-20 10:00 (W12): F's recovery is D2, 58 days × 24 = 1,392 h later,
    // counted in F's week W04 — eight weeks back from D2.
    List<CanonicalEvent> history =
        List.of(
            deployment("D1", "2026-01-12T09:00:00Z", "success", ""),
            deployment("F", "2026-01-21T10:00:00Z", "failure", ""));
    CanonicalEvent late = deployment("D2", "2026-03-20T10:00:00Z", "success", "");
    MaterializedFigures live = held(history);
    live.apply(GoldenData.folded(List.of(late)), NOW);
    Figure recovery =
        live.figure(
            MetricId.RECOVERY_TIME_P50_HOURS,
            ScopeId.service("checkout-api"),
            new IsoWeek(2026, 4));
    assertNotNull(recovery, "F's recovery, updated by the new deployment alone");
    assertEquals(1392.0, recovery.value(), 1e-9);
    // and every figure is what a full computation over the same facts gives
    List<CanonicalEvent> every = new ArrayList<>(history);
    every.add(late);
    IncrementalReplayTest.assertSame(held(every).all(), live.all(), "after D2");
    assertEquals(
        new IsoWeek(2026, 3),
        moved(history, late).first(),
        "back to D1, the last success before D2");
  }

  @Test
  void aSuccessWhileAnIncidentOfItsServiceIsOpenMovesEveryWeek() {
    // INC-1 opened Thursday 03-19 and is not resolved: D2 (Friday) may be the rollback, revert or
    // hotfix that ties it to an earlier deployment, of any age
    TreeSet<IsoWeek> all =
        moved(
            List.of(
                deployment("D1", "2026-03-16T09:00:00Z", "success", ""),
                incident("INC-1", "checkout-api", "2026-03-19T08:00:00Z")),
            deployment("D2", "2026-03-20T10:00:00Z", "success", ""));
    assertEquals(FROM, all.first());
    assertEquals(16, all.size());
  }

  @Test
  void anIncidentOfAnotherServiceLeavesTheReachAsItIs() {
    TreeSet<IsoWeek> all =
        moved(
            List.of(
                deployment("D1", "2026-03-16T09:00:00Z", "success", ""),
                incident("INC-1", "search-svc", "2026-03-19T08:00:00Z")),
            deployment("D2", "2026-03-20T10:00:00Z", "success", ""));
    assertEquals(new IsoWeek(2026, 12), all.first());
  }

  @Test
  void theFirstDeploymentOfAServiceMovesEveryWeek() {
    // no earlier success to stop at: every failure before it would be recovered by it
    TreeSet<IsoWeek> all =
        moved(List.of(), deployment("D2", "2026-03-20T10:00:00Z", "success", ""));
    assertEquals(FROM, all.first());
  }

  @Test
  void aRollbackReachesTheDeploymentItRollsBack() {
    // D0 succeeded 2026-01-26 (W05); D2 rolls it back on 03-20: D0's week moves
    TreeSet<IsoWeek> all =
        moved(
            List.of(
                deployment("D0", "2026-01-26T09:00:00Z", "success", ""),
                deployment("D1", "2026-03-16T09:00:00Z", "success", "")),
            deployment("D2", "2026-03-20T10:00:00Z", "success", ",\"rollbackOf\":\"D0\""));
    assertEquals(new IsoWeek(2026, 5), all.first());
  }

  @Test
  void aStagingDeploymentDoesNotWaitForRecoveries() {
    // only production deployments fail and recover: a staging one reaches back 72 h only, even
    // after a production failure long ago (03-20 10:00 − 72 h = Tuesday 03-17, W12)
    TreeSet<IsoWeek> all =
        moved(
            List.of(
                deployment("D1", "2026-01-12T09:00:00Z", "success", ""),
                deployment("F", "2026-01-21T10:00:00Z", "failure", "")),
            deploymentIn("S1", "2026-03-20T10:00:00Z", "success", "staging"));
    assertEquals(new IsoWeek(2026, 12), all.first());
  }

  @Test
  void keptInStepWithTheChangesItReachesAsFarAsWhenReadAfresh() {
    // one holder of live figures takes the events one by one, keeping what it read of the
    // deployments and incidents in step; each time, a holder reading them afresh must agree
    List<CanonicalEvent> held =
        new ArrayList<>(
            List.of(
                deployment("D1", "2026-01-12T09:00:00Z", "success", ""),
                deployment("F", "2026-01-21T10:00:00Z", "failure", "")));
    MaterializedFigures live = held(held);
    List<CanonicalEvent> steps =
        List.of(
            deployment("D2", "2026-03-20T10:00:00Z", "success", ""), // back to D1: W03
            deployment("D3", "2026-03-23T10:00:00Z", "failure", ""), // back to D2: W12
            deployment("D4", "2026-03-25T10:00:00Z", "success", ""), // back to D2: W12
            revised("D2", "2026-03-20T10:00:00Z", "failure"), // D2 failed: back to D1, W03
            revised("D4", "2026-03-25T10:00:00Z", "failure"), // D4 failed: back to D1, W03
            deployment("D6", "2026-03-28T10:00:00Z", "success", ""), // no success since D1: W03
            deploymentIn("S1", "2026-03-26T10:00:00Z", "success", "staging"), // 72 h: W13
            incident("INC-1", "checkout-api", "2026-03-29T12:00:00Z"), // an incident: 5 weeks, W08
            deployment("D5", "2026-03-30T10:00:00Z", "success", "")); // INC-1 open: every week
    List<IsoWeek> firsts = new ArrayList<>();
    for (CanonicalEvent step : steps) {
      TreeSet<IsoWeek> fresh = moved(held, step);
      TreeSet<IsoWeek> kept = absorb(live, step);
      assertEquals(fresh, kept, step.id());
      firsts.add(kept.first());
      held.add(step);
    }
    assertEquals(
        List.of(
            new IsoWeek(2026, 3),
            new IsoWeek(2026, 12),
            new IsoWeek(2026, 12),
            new IsoWeek(2026, 3),
            new IsoWeek(2026, 3),
            new IsoWeek(2026, 3),
            new IsoWeek(2026, 13),
            new IsoWeek(2026, 8),
            FROM),
        firsts);
  }

  /** The weeks a new event moves once {@code history} is held and computed. */
  private static TreeSet<IsoWeek> moved(List<CanonicalEvent> history, CanonicalEvent added) {
    return absorb(held(history), added);
  }

  private static TreeSet<IsoWeek> absorb(MaterializedFigures live, CanonicalEvent added) {
    FoldedFact fact = GoldenData.folded(List.of(added)).get(0);
    TreeSet<IsoWeek> all = new TreeSet<>();
    TreeSet<IsoWeek> own = new TreeSet<>();
    live.absorbStored(Map.of(fact.key(), fact.fields().toString()), all, own);
    assertTrue(all.containsAll(own), "the own weeks are among those moved");
    return all;
  }

  private static MaterializedFigures held(List<CanonicalEvent> events) {
    MaterializedFigures live =
        new MaterializedFigures(MetricFamilies.engine().withoutMembers(), ORG, FROM, TO);
    live.loadFacts(GoldenData.folded(events));
    live.recomputeAll(NOW);
    return live;
  }

  private static CanonicalEvent deployment(
      String id, String finishedAt, String status, String more) {
    return deploymentIn(id, finishedAt, status, "production", more);
  }

  private static CanonicalEvent deploymentIn(
      String id, String finishedAt, String status, String environment) {
    return deploymentIn(id, finishedAt, status, environment, "");
  }

  private static CanonicalEvent deploymentIn(
      String id, String finishedAt, String status, String environment, String more) {
    return report(id, "", finishedAt, finishedAt, status, environment, more);
  }

  /** A later report of the same deployment (a new event of the same fact), an hour on. */
  private static CanonicalEvent revised(String id, String finishedAt, String status) {
    String later = Instant.parse(finishedAt).plusSeconds(3600).toString();
    return report(id, ":revised", later, finishedAt, status, "production", "");
  }

  private static CanonicalEvent report(
      String id,
      String eventSuffix,
      String occurredAt,
      String finishedAt,
      String status,
      String environment,
      String more) {
    return GoldenData.events(
            "{\"id\":\"deploy:checkout-api:"
                + id
                + eventSuffix
                + "\",\"type\":\"deployment.finished\",\"source\":\"test\",\"occurredAt\":\""
                + occurredAt
                + "\",\"schema\":1,\"repo\":\"acme/checkout-api\",\"data\":{\"deploymentId\":\""
                + id
                + "\",\"service\":\"checkout-api\",\"environment\":\""
                + environment
                + "\",\"status\":\""
                + status
                + "\",\"finishedAt\":\""
                + finishedAt
                + "\""
                + more
                + "}}\n")
        .get(0);
  }

  private static CanonicalEvent incident(String id, String service, String openedAt) {
    return GoldenData.events(
            "{\"id\":\"incident:"
                + id
                + ":opened\",\"type\":\"incident.opened\",\"source\":\"test\",\"occurredAt\":\""
                + openedAt
                + "\",\"schema\":1,\"data\":{\"incidentId\":\""
                + id
                + "\",\"service\":\""
                + service
                + "\",\"at\":\""
                + openedAt
                + "\",\"severity\":\"sev2\",\"title\":\"Errors\"}}\n")
        .get(0);
  }
}
