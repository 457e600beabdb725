package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics API on a small organization written here, every expected figure computed by hand.
 *
 * <p>Pod checkout (ana, bo, cy) owns acme/checkout-api; pod solo (dee, eli: under the privacy floor
 * of 3) owns acme/solo-api, which has no deployment source. Week 2026-W10 is Mon 03-02..Sun 03-08.
 */
@QuarkusTest
class MetricsApiIT {

  static final String ORG =
      """
      org: {name: Acme, privacyFloor: 3, timeZone: UTC}
      pods: [{id: checkout, name: Checkout}, {id: solo, name: Solo}]
      members:
        - {id: ana, name: Ana, role: engineer, identities: {github: [ana-l], emails: [ana@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: bo, name: Bo, role: engineer, identities: {github: [bo-k], emails: [bo@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: cy, name: Cy, role: engineer, identities: {github: [cy-m], emails: [cy@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: dee, name: Dee, role: engineer, identities: {github: [dee-s], emails: [dee@acme.example]}, memberships: [{pod: solo, from: 2026-01-05}]}
        - {id: eli, name: Eli, role: engineer, identities: {github: [eli-t], emails: [eli@acme.example]}, memberships: [{pod: solo, from: 2026-01-05}]}
      services:
        - {id: checkout-api, pod: checkout, repos: [acme/checkout-api]}
        - {id: solo-api, pod: solo, repos: [acme/solo-api]}
      """;

  static final String CO = "acme/checkout-api";
  static final String AI = "Co-authored-by: Claude <noreply@anthropic.com>";

  static {
    TestHttp.init();
    // figures are doubles: read them as such (not floats) to compare them exactly
    io.restassured.RestAssured.config =
        io.restassured.RestAssured.config.jsonConfig(
            io.restassured.config.JsonConfig.jsonConfig()
                .numberReturnType(
                    io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
  }

  @Inject TestDatabase db;

  @BeforeEach
  void load() {
    db.resetAll();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    db.awaitFigures();
    Events.send(
        // W10: #1 ana 100 lines by an agent co-author; #2 bo 50 and #3 cy 50 by hand
        Events.prOpened(CO, 1, "ana-l", "2026-03-02T08:30:00Z"),
        Events.commit(CO, "c1", "ana@acme.example", "2026-03-02T08:00:00Z", 100, 1, AI),
        Events.prMerged(CO, 1, "ana-l", "2026-03-02T15:00:00Z", "c1", 100),
        Events.prOpened(CO, 2, "bo-k", "2026-03-03T08:30:00Z"),
        Events.commit(CO, "c2", "bo@acme.example", "2026-03-03T08:00:00Z", 50, 2, null),
        Events.prMerged(CO, 2, "bo-k", "2026-03-03T15:00:00Z", "c2", 50),
        Events.prOpened(CO, 3, "cy-m", "2026-03-04T08:30:00Z"),
        Events.commit(CO, "c3", "cy@acme.example", "2026-03-04T08:00:00Z", 50, 3, null),
        Events.prMerged(CO, 3, "cy-m", "2026-03-04T15:00:00Z", "c3", 50),
        Events.deployment("D1", "checkout-api", "success", "2026-03-05T10:00:00Z"),
        Events.deployment("D2", "checkout-api", "failure", "2026-03-06T10:00:00Z"),
        // W11: #4 ana 100 lines by hand, deployed by D3
        Events.prOpened(CO, 4, "ana-l", "2026-03-09T10:30:00Z"),
        Events.commit(CO, "c4", "ana@acme.example", "2026-03-09T10:00:00Z", 100, 4, null),
        Events.prMerged(CO, 4, "ana-l", "2026-03-10T15:00:00Z", "c4", 100),
        Events.deployment("D3", "checkout-api", "success", "2026-03-11T10:00:00Z"),
        // solo: dee's 40 lines by an agent co-author in W10
        Events.prOpened("acme/solo-api", 1, "dee-s", "2026-03-03T08:30:00Z"),
        Events.commit("acme/solo-api", "s1", "dee@acme.example", "2026-03-03T08:00:00Z", 40, 1, AI),
        Events.prMerged("acme/solo-api", 1, "dee-s", "2026-03-03T15:00:00Z", "s1", 40));
    db.awaitFigures();
  }

  private static JsonPath metrics(String query) {
    return given().get("/api/metrics?" + query).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void weeklyFiguresCarryValueNumDenItemsAndPeople() {
    JsonPath answer =
        metrics(
            "scope=pod:checkout&metric=ai_code_share&metric=lead_time_p50_hours&from=2026-W10&to=2026-W11");
    assertEquals("pod:checkout", answer.getString("scope"));
    assertEquals("2026-W10", answer.getString("from"));
    // AI code share W10: #1's 100 AI lines / (100 + 50 + 50) added = 0.5; 3 members in the pod
    Map<String, Object> share = answer.getMap("metrics[0].figures[0]");
    assertEquals("2026-W10", share.get("week"));
    assertEquals(0.5, (Double) share.get("value"), 1e-9);
    assertEquals(100.0, (Double) share.get("num"), 1e-9);
    assertEquals(200.0, (Double) share.get("den"), 1e-9);
    assertEquals(3, share.get("n"));
    assertEquals(3, share.get("people"));
    // W11: #4's 0 AI lines / 100 = 0
    assertEquals(0.0, answer.getDouble("metrics[0].figures[1].value"), 1e-9);
    // lead time W10 (week of D1): the PRs carry no firstCommitAt, so each starts when opened:
    // 03-02 08:30, 03-03 08:30, 03-04 08:30 to D1 03-05 10:00 = 73.5, 49.5, 25.5 h → median 49.5 h
    // (high: under 168 h)
    assertEquals(49.5, answer.getDouble("metrics[1].figures[0].value"), 1e-9);
    assertEquals("high", answer.getString("metrics[1].figures[0].tier"));
    assertTrue(answer.getString("dataAsOf").startsWith("2026-03-11T10:00"));
    assertTrue(answer.getBoolean("coverage.pullRequests"));
    assertTrue(answer.getBoolean("coverage.deployments"));
  }

  @Test
  void underThePrivacyFloorAFigureIsWithheldAndWithoutSourceItHasNoData() {
    JsonPath solo =
        metrics(
            "scope=pod:solo&metric=ai_code_share,deployment_frequency&from=2026-W10&to=2026-W10");
    // 2 members in solo < floor 3
    assertEquals("withheld: fewer than 3 people", solo.getString("metrics[0].figures[0].withheld"));
    assertEquals(null, solo.getString("metrics[0].figures[0].value"));
    assertEquals(2, solo.getInt("metrics[0].figures[0].people"));
    // no deployment ever for solo-api: no data, not zero
    assertEquals(true, solo.getBoolean("metrics[1].figures[0].noData"));
    assertEquals(false, solo.getBoolean("coverage.deployments"));
    // the organization pools both pods: (100 + 40) / (200 + 40)
    JsonPath org = metrics("scope=org&metric=ai_code_share&from=2026-W10&to=2026-W10");
    assertEquals(140.0 / 240.0, org.getDouble("metrics[0].figures[0].value"), 1e-9);
  }

  @Test
  void aTotalPoolsTheItemsOfEveryWeekOfTheRange() {
    JsonPath total =
        metrics(
            "scope=service:checkout-api&metric=lead_time_p50_hours,ai_code_share,deployment_frequency,"
                + "change_failure_rate&from=2026-W10&to=2026-W11&granularity=total");
    assertEquals("total", total.getString("granularity"));
    // lead times 73.5, 49.5, 25.5 (W10) and 47.5 (#4 opened 03-09 10:30 → D3 03-11 10:00):
    // median (47.5 + 49.5) / 2 = 48.5
    assertEquals(48.5, total.getDouble("metrics[0].figures[0].value"), 1e-9);
    assertEquals("2026-W10", total.getString("metrics[0].figures[0].from"));
    // AI share 100 / (200 + 100)
    assertEquals(100.0 / 300.0, total.getDouble("metrics[1].figures[0].value"), 1e-9);
    // deployments D1 and D3 succeeded; D2 failed: 1 failure of 3
    assertEquals(2.0, total.getDouble("metrics[2].figures[0].value"), 1e-9);
    assertEquals(1.0 / 3.0, total.getDouble("metrics[3].figures[0].value"), 1e-9);
  }

  @Test
  void csvHasOneRowPerMetricAndWeek() {
    String csv =
        given()
            .get(
                "/api/metrics?scope=pod:checkout&metric=ai_code_share&from=2026-W10&to=2026-W11&format=csv")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertEquals(
        "scope,metric,unit,week,from,value,num,den,n,people,exact,tier,withheld,partial,no_data",
        lines.get(0));
    assertEquals(3, lines.size());
    assertTrue(
        lines.get(1).startsWith("pod:checkout,ai_code_share,share,2026-W10,,0.5,100.0,200.0,3,3,"),
        lines.get(1));
  }

  @Test
  void aCsvFileNameHoldsNothingThatCouldEndItOrTheHeader() {
    // a CR/LF in the scope once hung the request; a quote broke the file name
    given()
        .urlEncodingEnabled(false)
        .get("/api/metrics?scope=repo:acme/x%0D%0AX-Injected:%201&format=csv")
        .then()
        .statusCode(400)
        .body("detail", equalTo("scope: must not contain control characters"));
    String disposition =
        given()
            .urlEncodingEnabled(false)
            .get("/api/metrics?scope=repo:acme/a%22b&from=2026-W10&to=2026-W10&format=csv")
            .then()
            .statusCode(200)
            .extract()
            .header("Content-Disposition");
    assertEquals("attachment; filename=\"podometer-repo-acme-a-b.csv\"", disposition);
  }

  @Test
  void aDrillDownListsTheItemsThatAddUpToTheFigure() {
    JsonPath d =
        given()
            .get("/api/metrics/drilldown?scope=pod:checkout&metric=ai_code_share&week=2026-W10")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // #1 100 of 100, #2 0 of 50, #3 0 of 50
    assertEquals(100.0, d.getDouble("numTotal"), 1e-9);
    assertEquals(200.0, d.getDouble("denTotal"), 1e-9);
    assertEquals(3, d.getInt("count"));
    assertEquals(
        List.of("pr:acme/checkout-api#1", "pr:acme/checkout-api#2", "pr:acme/checkout-api#3"),
        d.getList("items.ref", String.class).stream().sorted().toList());
    assertEquals(
        "/api/facts/pull-requests?repo=acme%2Fcheckout-api&number=1",
        d.getString("items.find { it.ref == 'pr:acme/checkout-api#1' }.link"));
    assertEquals(100.0, d.getDouble("items.find { it.ref == 'pr:acme/checkout-api#1' }.num"), 1e-9);
    assertEquals(50.0, d.getDouble("items.find { it.ref == 'pr:acme/checkout-api#2' }.den"), 1e-9);
    given()
        .get(
            "/api/metrics/drilldown?scope=service:checkout-api&metric=lead_time_p50_hours&week=2026-W10")
        .then()
        .statusCode(200)
        .body("items.sample", org.hamcrest.Matchers.containsInAnyOrder(73.5, 49.5, 25.5))
        .body("items[0].rule", containsString("deploy:D1"));
    // a withheld figure shows no items either
    given()
        .get("/api/metrics/drilldown?scope=pod:solo&metric=ai_code_share&week=2026-W10")
        .then()
        .statusCode(200)
        .body("withheld", equalTo("withheld: fewer than 3 people"))
        .body("items", hasSize(0));
  }

  @Test
  void everyDrillDownAddsUpToItsFigure() {
    int checked = 0;
    for (String scope :
        List.of("org", "pod:checkout", "service:checkout-api", "repo:acme/checkout-api")) {
      JsonPath answer = metrics("scope=" + scope + "&from=2026-W10&to=2026-W11");
      List<Map<String, Object>> series = answer.getList("metrics");
      for (Map<String, Object> metric : series) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> figures = (List<Map<String, Object>>) metric.get("figures");
        for (Map<String, Object> figure : figures) {
          if (Boolean.TRUE.equals(figure.get("noData")) || figure.get("withheld") != null) {
            continue;
          }
          JsonPath d =
              given()
                  .get(
                      "/api/metrics/drilldown?scope="
                          + scope
                          + "&metric="
                          + metric.get("metric")
                          + "&week="
                          + figure.get("week"))
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath();
          String what = scope + " " + metric.get("metric") + " " + figure.get("week");
          assertEquals(((Number) figure.get("n")).intValue(), d.getInt("count"), what + " n");
          if (figure.get("num") != null) {
            assertEquals(
                ((Number) figure.get("num")).doubleValue(),
                d.getDouble("numTotal"),
                1e-6,
                what + " num");
          }
          if (figure.get("den") != null) {
            assertEquals(
                ((Number) figure.get("den")).doubleValue(),
                d.getDouble("denTotal"),
                1e-6,
                what + " den");
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 40, "figures checked: " + checked);
  }

  @Test
  void aLateEventReachesTheFiguresWithinASecondAndAFullRecomputeAgrees() {
    // a late PR by bo in W10: 100 more lines by hand → AI share 100 / 300
    String late =
        Events.ndjson(
            Events.prOpened(CO, 5, "bo-k", "2026-03-05T08:30:00Z"),
            Events.commit(CO, "c5", "bo@acme.example", "2026-03-05T08:00:00Z", 100, 5, null),
            Events.prMerged(CO, 5, "bo-k", "2026-03-05T09:00:00Z", "c5", 100));
    long posted = System.nanoTime();
    given()
        .contentType("application/x-ndjson")
        .body(late)
        .post("/api/events")
        .then()
        .statusCode(202);
    double value = -1;
    while (System.nanoTime() - posted < 1_000_000_000L) {
      value =
          metrics("scope=pod:checkout&metric=ai_code_share&from=2026-W10&to=2026-W10")
              .getDouble("metrics[0].figures[0].value");
      if (Math.abs(value - 100.0 / 300.0) < 1e-9) {
        break;
      }
    }
    assertEquals(100.0 / 300.0, value, 1e-9, "within a second of the 202");
    given()
        .post("/api/admin/recompute")
        .then()
        .statusCode(200)
        .body("changed", equalTo(0))
        .body("removed", equalTo(0));
  }

  @Test
  void thePullRequestsOfAScopeAndWeekAreTheOnesItsFiguresCount() {
    given()
        .get("/api/facts/pull-requests?scope=pod:checkout&week=2026-W10")
        .then()
        .statusCode(200)
        .body("key", equalTo(List.of(CO + "#1", CO + "#2", CO + "#3")))
        .body("[0].eventIds", hasItem("pr:" + CO + "#1:merged"));
    given()
        .get("/api/facts/pull-requests?scope=org&week=2026-W11")
        .then()
        .statusCode(200)
        .body("key", equalTo(List.of(CO + "#4")));
    given()
        .get("/api/facts/pull-requests?scope=pod:checkout")
        .then()
        .statusCode(400)
        .body("detail", containsString("week"));
  }

  @Test
  void badParametersAreNamed() {
    given().get("/api/metrics").then().statusCode(400).body("detail", containsString("scope"));
    given()
        .get("/api/metrics?scope=team:x")
        .then()
        .statusCode(400)
        .body("detail", containsString("scope"));
    given()
        .get("/api/metrics?scope=org&metric=nope")
        .then()
        .statusCode(400)
        .body("detail", containsString("metric: unknown nope"));
    given()
        .get("/api/metrics?scope=org&from=2026-W60")
        .then()
        .statusCode(400)
        .body("detail", containsString("from"));
    given()
        .get("/api/metrics?scope=org&from=2026-W12&to=2026-W10")
        .then()
        .statusCode(400)
        .body("detail", containsString("from"));
    given()
        .get("/api/metrics?scope=org&granularity=month")
        .then()
        .statusCode(400)
        .body("detail", containsString("granularity"));
    given().get("/api/metrics?scope=member:ana").then().statusCode(403);
    given()
        .get("/api/metrics/drilldown?scope=org&metric=ai_code_share")
        .then()
        .statusCode(400)
        .body("detail", containsString("week"));
    given()
        .get("/api/metrics/drilldown?scope=pod:solo&metric=deployment_frequency&week=2026-W10")
        .then()
        .statusCode(404);
  }

  @Test
  void scopesAndTheCatalogListWhatCanBeAsked() {
    given()
        .get("/api/scopes")
        .then()
        .statusCode(200)
        .body("id", hasItem("pod:checkout"))
        .body("id", hasItem("service:checkout-api"))
        .body("id", hasItem("repo:acme/checkout-api"))
        .body("find { it.id == 'pod:checkout' }.name", equalTo("Checkout"))
        .body("find { it.id.startsWith('member:') }", nullValue());
    given()
        .get("/api/metrics/catalog")
        .then()
        .statusCode(200)
        .body("", hasSize(39))
        .body("find { it.id == 'lead_time_p50_hours' }.unit", equalTo("hours"));
    given()
        .get("/api/metrics/table?kind=pod&week=2026-W10&metric=ai_code_share")
        .then()
        .statusCode(200)
        .body("rows.scope", equalTo(List.of("pod:checkout", "pod:solo")))
        .body("rows[0].figures.ai_code_share.value", closeTo(0.5, 1e-6))
        .body("rows[1].figures.ai_code_share.withheld", equalTo("withheld: fewer than 3 people"));
  }
}
