package io.podometer.engine.metric.dora;

import static io.podometer.engine.figure.MetricId.CHANGE_FAILURE_RATE;
import static io.podometer.engine.figure.MetricId.DEPLOYMENT_FREQUENCY;
import static io.podometer.engine.figure.MetricId.DEPLOY_DAYS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_P50_HOURS;
import static io.podometer.engine.figure.MetricId.RECOVERY_TIME_P50_HOURS;
import static io.podometer.engine.figure.MetricId.REWORK_RATE;
import static io.podometer.engine.metric.dora.DoraGolden.EPS;
import static io.podometer.engine.metric.dora.DoraGolden.assertNoData;
import static io.podometer.engine.metric.dora.DoraGolden.assertPercentile;
import static io.podometer.engine.metric.dora.DoraGolden.assertRatio;
import static io.podometer.engine.metric.dora.DoraGolden.byRef;
import static io.podometer.engine.metric.dora.DoraGolden.compute;
import static io.podometer.engine.metric.dora.DoraGolden.countedRefs;
import static io.podometer.engine.metric.dora.DoraGolden.drilldown;
import static io.podometer.engine.metric.dora.DoraGolden.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.metric.EngineResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario {@code failures}: production deployments of checkout-api (no commit graph: PRs ship by
 * the time rule), incidents and fixes, weeks 2026-W12..W15. Times are UTC.
 *
 * <pre>
 * W12  E1  03-16 10:00 sha e1                  INC-5 (opened 03-25 04:00, resolved 05:00) names
 *                                              causedBySha e1
 *      E2  03-16 14:00 status failure, sha e2
 *      E3  03-16 16:00 sha e2                  the fix after E2
 *      E4  03-18 10:00 sha e3                  INC-1 opened 12:00 causedByDeploymentId E4,
 *                                              resolved 15:00
 *      E5  03-19 16:00 sha e4
 *      E6  03-19 18:00 sha e3, rollbackOf E5
 * W13  E7  03-23 12:00 sha e5                  INC-2 opened 03-24 09:00, resolved 13:00, no cause
 *      E8  03-24 11:00 sha e6 ships PR #20 (labelled hotfix, merged 10:30)
 *      E9  03-26 05:00 sha e7                  INC-3 opened 03-27 10:00 (29 h later), resolved
 *                                              12:00; INC-4 opened 03-29 06:00 (73 h after E9),
 *                                              resolved 08:00
 * W14  E10 03-30 10:00 sha e8, E11 12:00 sha e9, E12 13:00 sha e8 again (rolls E11 back),
 *      E13 03-31 14:00 sha e8 again (same sha as the live one: not a rollback)
 * W15  G1  04-06 10:00 ships PR #30 "Cache prices"; G1b 04-07 10:00; INC-6 opened 04-08 10:00,
 *      resolved 12:00; G2 04-08 11:00 ships PR #31 whose body says "Reverts
 *      acme/checkout-api#30"
 * </pre>
 */
class DoraFailuresTest {

  private static final List<CanonicalEvent> EVENTS =
      DoraGolden.events(DoraFailuresTest.class, "failures.ndjson");
  private static final String SERVICE = "service:checkout-api";

  private static EngineResult compute72() {
    return compute(DoraGolden.org(), EVENTS, "2026-W12", "2026-W15");
  }

  private static String rule(List<Contribution> items, String ref) {
    return byRef(items).get(ref).evidence().rule();
  }

  @Test
  void changeFailureRateCountsFailedAndBlamedDeploymentsOfTheWeek() {
    EngineResult r = compute72();
    // W12: 6 production deployments (E2 failed too); failed or led to a failure: E1 (INC-5 by
    // sha), E2 (status), E4 (INC-1 by id), E5 (rolled back by E6 2 h later) → 4 / 6, low
    Figure w12 = assertRatio(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W12", 4, 6);
    assertEquals("low", w12.tier());
    List<Contribution> items = drilldown(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W12");
    assertEquals(List.of("deploy:E1", "deploy:E2", "deploy:E4", "deploy:E5"), countedRefs(items));
    assertTrue(
        rule(items, "deploy:E1")
            .contains("incident:INC-5 blames it (explicit causedBySha e1e1e1e)"));
    assertTrue(rule(items, "deploy:E2").contains("failed: status failure"));
    assertTrue(
        rule(items, "deploy:E4")
            .contains("incident:INC-1 blames it (explicit causedByDeploymentId)"));
    assertTrue(
        rule(items, "deploy:E5").contains("rolled back within 24 h by deploy:E6 (rollbackOf)"));
    // a successful deployment still counts in deployment frequency: E1, E3, E4, E5, E6 = 5;
    // days 03-16, 03-18, 03-19 = 3
    assertEquals(5, figure(r, DEPLOYMENT_FREQUENCY, SERVICE, "2026-W12").value(), EPS);
    assertEquals(3, figure(r, DEPLOY_DAYS, SERVICE, "2026-W12").value(), EPS);
  }

  @Test
  void incidentsAreTiedByCauseThenFollowUpFixThenWindowNeverBeyondIt() {
    EngineResult r = compute72();
    // W13: E7 (INC-2: the hotfix E8 followed it; E8 also came 23 h after E7) and E9 (INC-3, by
    // the window) of E7, E8, E9 → 2 / 3
    assertRatio(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W13", 2, 3);
    List<Contribution> items = drilldown(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W13");
    assertEquals(List.of("deploy:E7", "deploy:E9"), countedRefs(items));
    String e7 = rule(items, "deploy:E7");
    assertTrue(
        e7.contains(
            "incident:INC-2 blames it (hotfix: deploy:E8 (carries pr:acme/checkout-api#20"
                + " labelled hotfix) fixed the deployment live when the incident opened)"),
        e7);
    assertTrue(e7.contains("followed within 24 h by hotfix deploy:E8"), e7);
    String e9 = rule(items, "deploy:E9");
    assertTrue(
        e9.contains(
            "incident:INC-3 blames it (window: last successful production deployment of"
                + " checkout-api within 72 h before the incident opened)"),
        e9);
    // INC-4 opened 73 h after E9, the last deployment before it: outside the window, unlinked
    assertFalse(e9.contains("INC-4"), e9);
    // W15: INC-6 is tied to G1 by the revert G2 shipped, not to G1b (the window's pick)
    assertRatio(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W15", 1, 3);
    List<Contribution> w15 = drilldown(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W15");
    assertEquals(List.of("deploy:G1"), countedRefs(w15));
    assertTrue(
        rule(w15, "deploy:G1")
            .contains(
                "incident:INC-6 blames it (revert: deploy:G2 reverted a change it deployed)"));
  }

  @Test
  void theIncidentWindowIsConfigurable() {
    EngineResult r =
        compute(
            DoraGolden.org("incidentWindowHours: 72", "incidentWindowHours: 96"),
            EVENTS,
            "2026-W12",
            "2026-W15");
    // with 96 h INC-4 (73 h after E9) blames E9 too; E9 is restored when the later of INC-3
    // (03-27 12:00) and INC-4 (03-29 08:00) resolves: 03-26 05:00 → 03-29 08:00 = 75 h.
    // W13 recovery: E7 25 h, E9 75 h → median 50, medium (≥ 24 h, < 168 h)
    String e9 = rule(drilldown(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W13"), "deploy:E9");
    assertTrue(e9.contains("incident:INC-4 blames it (window"), e9);
    Figure recovery = assertPercentile(r, RECOVERY_TIME_P50_HOURS, SERVICE, "2026-W13", 50, 25, 75);
    assertEquals("medium", recovery.tier());
    assertRatio(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W13", 2, 3);
  }

  @Test
  void recoveryRunsFromTheFailedDeploymentToTheIncidentResolutionOrTheNextGoodDeployment() {
    EngineResult r = compute72();
    // W12: E1 → INC-5 resolved 03-25 05:00 = 9 days − 5 h = 211 h; E2 (status failure, no
    // incident) → next successful deployment E3 at 16:00 = 2 h; E4 → INC-1 resolved 15:00 = 5 h.
    // E5 was rolled back but neither failed nor blamed by an incident: no sample.
    // Sorted 2, 5, 211 → median 5, high (≥ 1 h, < 24 h)
    Figure w12 = assertPercentile(r, RECOVERY_TIME_P50_HOURS, SERVICE, "2026-W12", 5, 211, 2, 5);
    assertEquals("high", w12.tier());
    List<Contribution> items = drilldown(r, RECOVERY_TIME_P50_HOURS, SERVICE, "2026-W12");
    assertTrue(
        rule(items, "deploy:E2")
            .contains("restored by the next successful production deployment deploy:E3"));
    assertTrue(rule(items, "deploy:E4").contains("restored when incident:INC-1 resolved"));
    // W13: E7 → INC-2 resolved 03-24 13:00 = 25 h; E9 → INC-3 resolved 03-27 12:00 = 31 h → 28
    assertPercentile(r, RECOVERY_TIME_P50_HOURS, SERVICE, "2026-W13", 28, 25, 31);
    // W15: G1 04-06 10:00 → INC-6 resolved 04-08 12:00 = 50 h
    assertPercentile(r, RECOVERY_TIME_P50_HOURS, SERVICE, "2026-W15", 50, 50);
    // W14 has no failed deployment: nothing to recover from
    assertNoData(r, RECOVERY_TIME_P50_HOURS, SERVICE, "2026-W14");
  }

  @Test
  void aRedeploymentOfAnEarlierShaIsARollback() {
    EngineResult r = compute72();
    // W14: E12 re-deploys e8 (E10's sha) an hour after E11 → E11 failed; E13 re-deploys e8 while
    // e8 is live: no rollback. 1 of E10..E13 → 1 / 4
    assertRatio(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W14", 1, 4);
    List<Contribution> items = drilldown(r, CHANGE_FAILURE_RATE, SERVICE, "2026-W14");
    assertEquals(List.of("deploy:E11"), countedRefs(items));
    assertTrue(
        rule(items, "deploy:E11")
            .contains(
                "rolled back within 24 h by deploy:E12 (re-deployment of earlier sha e8e8e8e)"));
    // 4 deployments on 2 days
    assertEquals(4, figure(r, DEPLOYMENT_FREQUENCY, SERVICE, "2026-W14").value(), EPS);
    assertEquals(2, figure(r, DEPLOY_DAYS, SERVICE, "2026-W14").value(), EPS);
  }

  @Test
  void reworkCountsHotfixesRollbacksAndDeploymentsRightAfterAFailure() {
    EngineResult r = compute72();
    // W12: E3 (2 h after E2's failed status) and E6 (rolls back E5, 2 h old) of 6 → 2 / 6.
    // E2 itself follows nothing failed at the time (E1's incident came 9 days later).
    assertRatio(r, REWORK_RATE, SERVICE, "2026-W12", 2, 6);
    List<Contribution> w12 = drilldown(r, REWORK_RATE, SERVICE, "2026-W12");
    assertEquals(List.of("deploy:E3", "deploy:E6"), countedRefs(w12));
    assertTrue(rule(w12, "deploy:E3").contains("follows failed deploy:E2 within 24 h"));
    assertTrue(rule(w12, "deploy:E6").contains("rolls back deploy:E5"));
    // W13: E8 ships a hotfix-labelled PR → 1 / 3 (E9 came 25 h after INC-5 opened)
    assertRatio(r, REWORK_RATE, SERVICE, "2026-W13", 1, 3);
    assertTrue(
        rule(drilldown(r, REWORK_RATE, SERVICE, "2026-W13"), "deploy:E8")
            .contains("carries pr:acme/checkout-api#20 labelled hotfix"));
    // W14: E12 (rollback) → 1 / 4; W15: G2, an hour after INC-6 opened → 1 / 3
    assertEquals(
        List.of("deploy:E12"), countedRefs(drilldown(r, REWORK_RATE, SERVICE, "2026-W14")));
    assertRatio(r, REWORK_RATE, SERVICE, "2026-W15", 1, 3);
    assertTrue(
        rule(drilldown(r, REWORK_RATE, SERVICE, "2026-W15"), "deploy:G2")
            .contains("follows incident:INC-6 within 24 h"));
  }

  @Test
  void deploymentAndIncidentFiguresRollUpToThePodOwningTheService() {
    EngineResult r = compute72();
    Map<String, Contribution> items =
        byRef(drilldown(r, CHANGE_FAILURE_RATE, "pod:checkout", "2026-W12"));
    assertEquals(6, items.size());
    assertTrue(items.values().stream().allMatch(c -> c.person() == null));
    assertRatio(r, CHANGE_FAILURE_RATE, "org", "2026-W12", 4, 6);
    // the hotfix PR: first commit 09:15 → E8 11:00 = 1.75 h, elite (< 24 h)
    assertEquals(
        "elite", assertPercentile(r, LEAD_TIME_P50_HOURS, SERVICE, "2026-W13", 1.75, 1.75).tier());
    assertNoData(r, CHANGE_FAILURE_RATE, "pod:search", "2026-W12");
  }
}
