package io.podometer.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.dora.DoraFamily;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A window of weeks keeps the deployments its DORA figures read, however far outside it they are:
 * every week of a 43-week history of checkout-api, recomputed from its window, gives the full
 * computation's figures. The history is built so that the window's reach is needed (UTC):
 *
 * <pre>
 * 2025-09-29  S0 to staging fails, named "acme-checkout" for repository acme/checkout-api: the
 *             service's coverage starts here, and "acme-checkout" stands for checkout-api
 * 2025-10-06 .. 2026-01-26  P0..P16 weekly to production, sha p0..p16 (P3, P9 without a repository)
 * 2026-02-02 10:00  F fails; silence until
 * 2026-05-04 10:00  R succeeds: F's recovery is 91 days = 2,184 h, in F's week 2026-W06
 * 2026-01-20        PR #1 merged (first commit 01-14), shipped by P16; relabelled 2026-03-05
 * 2026-05-05 10:00  Q re-deploys sha p1 (of P1, seven months earlier): it undoes R, 24 h before
 * 2026-05-05 02:00  INC-Q opens on "acme-checkout", resolves 12:00: Q's re-deployment undid R → R
 * 2026-03-10        INC-OLD names P4 (causedByDeploymentId) and sha t3 (T3's): P4 is blamed
 * 2026-05-30 10:00  V
 * 2026-06-01 10:00  RB rolls back P12 (rollbackOf, five months later); INC-RB opened 2026-05-31
 *                   resolved 2026-06-02: the rollback's target P12 is blamed, not V (live, 23 h
 *                   before the incident)
 * 2026-06-08 .. 2026-07-20  T0..T6 weekly
 * </pre>
 */
class DeploymentWindowTest {

  private static final Instant NOW = Instant.parse("2026-07-27T00:00:00Z");
  private static final IsoWeek FROM = IsoWeek.parse("2025-W40");
  private static final IsoWeek TO = IsoWeek.parse("2026-W30");
  private static final ScopeId SERVICE = ScopeId.service("checkout-api");

  private final List<String> lines = new ArrayList<>();

  @Test
  void everyWeekFromItsWindowEqualsTheFullComputation() {
    history();
    OrgModel org = GoldenData.org(GoldenData.engineResource("metric/dora/DoraGolden/org.yaml"));
    FactSet facts = GoldenData.facts(GoldenData.events(String.join("\n", lines)));
    MetricsEngine engine = new MetricsEngine(List.of(new DoraFamily()), DoraTiers.DEFAULTS);
    EngineResult full = engine.compute(new EngineContext(org, facts, FROM, TO, NOW));

    // the history reaches as far as designed: F's recovery after 91 days of silence (2,184 h),
    // R blamed by INC-Q through Q's re-deployment, P12 by INC-RB through RB's rollbackOf
    Figure recovery = full.figure(MetricId.RECOVERY_TIME_P50_HOURS, SERVICE, week("2026-W06"));
    assertEquals(2184.0, recovery.value(), 1e-9);
    // PR #1: first commit 01-14 09:00, shipped by P16 01-26 10:00: 12 days 1 h = 289 h, in W05
    Figure leadTime =
        full.figure(MetricId.LEAD_TIME_P50_HOURS, ScopeId.pod("checkout"), week("2026-W05"));
    assertEquals(289.0, leadTime.value(), 1e-9);
    assertTrue(
        rule(full, "2026-W19", "deploy:R")
            .contains("incident:INC-Q blames it (rollback: deploy:Q re-deployed earlier sha"),
        () -> rule(full, "2026-W19", "deploy:R"));
    assertTrue(
        rule(full, "2026-W01", "deploy:P12")
            .contains("incident:INC-RB blames it (rollback: deploy:RB rolled it back"),
        () -> rule(full, "2026-W01", "deploy:P12"));

    List<String> differences = new ArrayList<>();
    int narrower = 0;
    for (IsoWeek week = FROM; week.compareTo(TO) <= 0; week = week.plusWeeks(1)) {
      FactSet window = FactWindow.around(facts, week, week, ZoneOffset.UTC);
      if (window.deployments().size() < facts.deployments().size()) {
        narrower++;
      }
      EngineResult windowed = engine.compute(new EngineContext(org, window, week, week, NOW));
      Map<String, Figure> expected = new TreeMap<>();
      Map<String, Figure> actual = new TreeMap<>();
      IsoWeek w = week;
      full.figureMap().forEach((k, f) -> put(expected, k.toString(), f, k.week().equals(w)));
      windowed.figureMap().forEach((k, f) -> put(actual, k.toString(), f, k.week().equals(w)));
      expected.forEach(
          (k, f) -> {
            if (!f.equals(actual.get(k))) {
              differences.add(k + ": full " + f + ", windowed " + actual.get(k));
            }
          });
      actual.keySet().stream()
          .filter(k -> !expected.containsKey(k))
          .forEach(k -> differences.add(k + ": only windowed"));
      // and the items behind them, with the rules that tied each in
      for (MetricId metric : new DoraFamily().metrics()) {
        for (ScopeId scope : List.of(SERVICE, ScopeId.pod("checkout"))) {
          List<String> fullItems = items(full.drilldown(metric, scope, week));
          List<String> windowItems = items(windowed.drilldown(metric, scope, week));
          if (!fullItems.equals(windowItems)) {
            differences.add(
                metric
                    + " "
                    + scope
                    + " "
                    + week
                    + ": full "
                    + fullItems
                    + ", windowed "
                    + windowItems);
          }
        }
      }
    }
    assertEquals(List.of(), differences.stream().limit(5).toList(), differences.size() + " differ");
    // most weeks' windows leave deployments out (only those reaching every deployment keep all)
    assertTrue(narrower > 30, narrower + " windows narrower than the history");
  }

  @Test
  void aWeeksWindowKeepsTheDeploymentsItReadsAndLeavesTheRestOut() {
    history();
    FactSet facts = GoldenData.facts(GoldenData.events(String.join("\n", lines)));
    // 2026-W19 (05-04..05-10) widened by 63 days: 2026-03-02 .. 2026-07-12
    List<String> kept =
        FactWindow.around(facts, week("2026-W19"), week("2026-W19"), ZoneOffset.UTC)
            .deployments()
            .stream()
            .map(DeploymentFact::deploymentId)
            .sorted()
            .toList();
    assertEquals(
        List.of(
            // S0: its group's first (staging); P0: the main group's first; P1: the last
            // deployment of sha p1 before the window (Q re-deploys it); P3: the first of its
            // group (no repository), P9 that group's last success before the window; P4: named
            // by INC-OLD; P12: rolled back by RB; P16: the last success before the window of the
            // main group (F after it failed); R, Q, V, RB, T0..T4 finished within; T5 (07-13
            // 10:00) is the first success after it. Left out: P2, P5..P8, P10, P11, P13..P15, F,
            // T6.
            "P0",
            "P1",
            "P12",
            "P16",
            "P3",
            "P4",
            "P9",
            "Q",
            "R",
            "RB",
            "S0",
            "T0",
            "T1",
            "T2",
            "T3",
            "T4",
            "T5",
            "V"),
        kept);
  }

  private static List<String> items(List<io.podometer.engine.figure.Contribution> items) {
    return items.stream()
        .map(c -> c.evidence().ref() + " " + c.num() + "/" + c.den() + " " + c.evidence().rule())
        .sorted()
        .toList();
  }

  /** Why a deployment counts as failed or not in change failure rate, from the drill-down. */
  private static String rule(EngineResult result, String week, String ref) {
    return result.drilldown(MetricId.CHANGE_FAILURE_RATE, SERVICE, week(week)).stream()
        .filter(c -> c.evidence().ref().equals(ref))
        .map(c -> c.evidence().rule())
        .findFirst()
        .orElse("no item " + ref);
  }

  /** Keeps the figure of the week; a deployment frequency's tier reads the 3 weeks before it. */
  private static void put(Map<String, Figure> into, String key, Figure figure, boolean ofWeek) {
    if (ofWeek) {
      into.put(
          key, figure.metric() == MetricId.DEPLOYMENT_FREQUENCY ? figure.withTier(null) : figure);
    }
  }

  private static IsoWeek week(String text) {
    return IsoWeek.parse(text);
  }

  private void history() {
    deployment(
        "S0",
        "acme-checkout",
        "acme/checkout-api",
        "staging",
        "failure",
        "2025-09-29T10:00:00Z",
        "p0",
        null);
    Instant first = Instant.parse("2025-10-06T10:00:00Z");
    for (int i = 0; i <= 16; i++) {
      String at = first.plus(Duration.ofDays(7L * i)).toString();
      if (i == 3 || i == 9) {
        deployment("P" + i, "checkout-api", null, "production", "success", at, "p" + i, null);
      } else {
        production("P" + i, "success", at, "p" + i, null);
      }
    }
    production("F", "failure", "2026-02-02T10:00:00Z", "f", null);
    production("R", "success", "2026-05-04T10:00:00Z", "r", null);
    production("Q", "success", "2026-05-05T10:00:00Z", "p1", null);
    production("V", "success", "2026-05-30T10:00:00Z", "v", null);
    production("RB", "success", "2026-06-01T10:00:00Z", "rb", "P12");
    Instant later = Instant.parse("2026-06-08T10:00:00Z");
    for (int i = 0; i <= 6; i++) {
      production("T" + i, "success", later.plus(Duration.ofDays(7L * i)).toString(), "t" + i, null);
    }
    incident("INC-Q", "acme-checkout", "2026-05-05T02:00:00Z", "2026-05-05T12:00:00Z", null, null);
    incident(
        "INC-OLD", "checkout-api", "2026-03-10T09:00:00Z", "2026-03-10T11:00:00Z", "P4", sha("t3"));
    incident("INC-RB", "checkout-api", "2026-05-31T09:00:00Z", "2026-06-02T09:00:00Z", null, null);
    pullRequest();
  }

  /** A production deployment of checkout-api naming its repository. */
  private void production(
      String id, String status, String finishedAt, String sha, String rollbackOf) {
    deployment(
        id, "checkout-api", "acme/checkout-api", "production", status, finishedAt, sha, rollbackOf);
  }

  private void pullRequest() {
    String pr = "\"schema\":1,\"repo\":\"acme/checkout-api\",\"data\":{\"number\":1,";
    lines.add(
        "{\"id\":\"pr:acme/checkout-api#1:opened\",\"type\":\"pr.opened\",\"source\":\"test\","
            + "\"occurredAt\":\"2026-01-15T09:00:00Z\","
            + pr
            + "\"title\":\"Faster cart\",\"author\":\"ana-l\",\"createdAt\":\"2026-01-15T09:00:00Z\"}}");
    lines.add(
        "{\"id\":\"pr:acme/checkout-api#1:merged\",\"type\":\"pr.merged\",\"source\":\"test\","
            + "\"occurredAt\":\"2026-01-20T09:00:00Z\","
            + pr
            + "\"author\":\"ana-l\",\"mergedAt\":\"2026-01-20T09:00:00Z\",\"mergeCommitSha\":\""
            + sha("m1")
            + "\",\"additions\":10,\"deletions\":2,\"firstCommitAt\":\"2026-01-14T09:00:00Z\"}}");
    lines.add(
        "{\"id\":\"pr:acme/checkout-api#1:labeled\",\"type\":\"pr.updated\",\"source\":\"test\","
            + "\"occurredAt\":\"2026-03-05T09:00:00Z\","
            + pr
            + "\"at\":\"2026-03-05T09:00:00Z\",\"action\":\"labeled\",\"labels\":[\"cart\"]}}");
  }

  private void deployment(
      String id,
      String service,
      String repo,
      String environment,
      String status,
      String finishedAt,
      String sha,
      String rollbackOf) {
    lines.add(
        "{\"id\":\"deploy:"
            + service
            + ":"
            + id
            + "\",\"type\":\"deployment.finished\",\"source\":\"test\",\"occurredAt\":\""
            + finishedAt
            + "\",\"schema\":1,"
            + (repo == null ? "" : "\"repo\":\"" + repo + "\",")
            + "\"data\":{\"deploymentId\":\""
            + id
            + "\",\"service\":\""
            + service
            + "\",\"environment\":\""
            + environment
            + "\",\"status\":\""
            + status
            + "\",\"finishedAt\":\""
            + finishedAt
            + "\",\"sha\":\""
            + sha(sha)
            + "\""
            + (rollbackOf == null ? "" : ",\"rollbackOf\":\"" + rollbackOf + "\"")
            + "}}");
  }

  private void incident(
      String id,
      String service,
      String openedAt,
      String resolvedAt,
      String causedByDeploymentId,
      String causedBySha) {
    lines.add(
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
            + "\""
            + (causedByDeploymentId == null
                ? ""
                : ",\"causedByDeploymentId\":\"" + causedByDeploymentId + "\"")
            + (causedBySha == null ? "" : ",\"causedBySha\":\"" + causedBySha + "\"")
            + "}}");
    lines.add(
        "{\"id\":\"incident:"
            + id
            + ":resolved\",\"type\":\"incident.resolved\",\"source\":\"test\",\"occurredAt\":\""
            + resolvedAt
            + "\",\"schema\":1,\"data\":{\"incidentId\":\""
            + id
            + "\",\"at\":\""
            + resolvedAt
            + "\"}}");
  }

  /** A 40-hex sha standing for a short name: the name's bytes in hex, padded with zeros. */
  private static String sha(String name) {
    StringBuilder hex = new StringBuilder();
    for (char c : name.toCharArray()) {
      hex.append(String.format("%02x", (int) c));
    }
    while (hex.length() < 40) {
      hex.append('0');
    }
    return hex.toString();
  }
}
