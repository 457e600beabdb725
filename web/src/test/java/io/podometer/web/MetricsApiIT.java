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
 * of 3) owns acme/solo-api, which has no deployment source; pod build (fay, gus, hal) owns
 * acme/build-api. Week 2026-W10 is Mon 03-02..Sun 03-08. The organization is the sum of its pods:
 * where solo is withheld, the organization minus checkout would be solo, so build (as small as
 * checkout, and first by name) is withheld beside it.
 */
@QuarkusTest
class MetricsApiIT {

  static final String ORG =
      """
      org: {name: Acme, privacyFloor: 3, timeZone: UTC}
      pods: [{id: checkout, name: Checkout}, {id: solo, name: Solo}, {id: build, name: Build}]
      members:
        - {id: ana, name: Ana, role: engineer, identities: {github: [ana-l], emails: [ana@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: bo, name: Bo, role: engineer, identities: {github: [bo-k], emails: [bo@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: cy, name: Cy, role: engineer, identities: {github: [cy-m], emails: [cy@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: dee, name: Dee, role: engineer, identities: {github: [dee-s], emails: [dee@acme.example]}, memberships: [{pod: solo, from: 2026-01-05}]}
        - {id: eli, name: Eli, role: engineer, identities: {github: [eli-t], emails: [eli@acme.example]}, memberships: [{pod: solo, from: 2026-01-05}]}
        - {id: fay, name: Fay, role: engineer, identities: {github: [fay-b], emails: [fay@acme.example]}, memberships: [{pod: build, from: 2026-01-05}]}
        - {id: gus, name: Gus, role: engineer, identities: {github: [gus-b], emails: [gus@acme.example]}, memberships: [{pod: build, from: 2026-01-05}]}
        - {id: hal, name: Hal, role: engineer, identities: {github: [hal-b], emails: [hal@acme.example]}, memberships: [{pod: build, from: 2026-01-05}]}
      services:
        - {id: checkout-api, pod: checkout, repos: [acme/checkout-api]}
        - {id: solo-api, pod: solo, repos: [acme/solo-api]}
        - {id: build-api, pod: build, repos: [acme/build-api]}
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
        // W11, after D3 (not deployed): #6 bo and #7 cy 50 lines each by hand — so that three
        // people contributed to checkout-api that week too
        Events.prOpened(CO, 6, "bo-k", "2026-03-12T08:30:00Z"),
        Events.commit(CO, "c6", "bo@acme.example", "2026-03-12T08:00:00Z", 50, 6, null),
        Events.prMerged(CO, 6, "bo-k", "2026-03-12T15:00:00Z", "c6", 50),
        Events.prOpened(CO, 7, "cy-m", "2026-03-12T09:30:00Z"),
        Events.commit(CO, "c7", "cy@acme.example", "2026-03-12T09:00:00Z", 50, 7, null),
        Events.prMerged(CO, 7, "cy-m", "2026-03-12T16:00:00Z", "c7", 50),
        // solo: dee's 40 lines by an agent co-author in W10
        Events.prOpened("acme/solo-api", 1, "dee-s", "2026-03-03T08:30:00Z"),
        Events.commit("acme/solo-api", "s1", "dee@acme.example", "2026-03-03T08:00:00Z", 40, 1, AI),
        Events.prMerged("acme/solo-api", 1, "dee-s", "2026-03-03T15:00:00Z", "s1", 40),
        // build: fay, gus and hal 30 lines each by hand in W10
        Events.prOpened("acme/build-api", 1, "fay-b", "2026-03-03T09:30:00Z"),
        Events.commit(
            "acme/build-api", "b1", "fay@acme.example", "2026-03-03T09:00:00Z", 30, 1, null),
        Events.prMerged("acme/build-api", 1, "fay-b", "2026-03-03T16:00:00Z", "b1", 30),
        Events.prOpened("acme/build-api", 2, "gus-b", "2026-03-04T09:30:00Z"),
        Events.commit(
            "acme/build-api", "b2", "gus@acme.example", "2026-03-04T09:00:00Z", 30, 2, null),
        Events.prMerged("acme/build-api", 2, "gus-b", "2026-03-04T16:00:00Z", "b2", 30),
        Events.prOpened("acme/build-api", 3, "hal-b", "2026-03-05T09:30:00Z"),
        Events.commit(
            "acme/build-api", "b3", "hal@acme.example", "2026-03-05T09:00:00Z", 30, 3, null),
        Events.prMerged("acme/build-api", 3, "hal-b", "2026-03-05T16:00:00Z", "b3", 30));
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
    // W11: #4, #6 and #7 by hand: 0 / 200 = 0
    assertEquals(0.0, answer.getDouble("metrics[0].figures[1].value"), 1e-9);
    // lead time W10 (week of D1): the PRs carry no firstCommitAt, so each starts when opened:
    // 03-02 08:30, 03-03 08:30, 03-04 08:30 to D1 03-05 10:00 = 73.5, 49.5, 25.5 h → median 49.5 h
    // (high: under 168 h)
    assertEquals(49.5, answer.getDouble("metrics[1].figures[0].value"), 1e-9);
    assertEquals("high", answer.getString("metrics[1].figures[0].tier"));
    // the newest fact: #7 merged 03-12 16:00
    assertTrue(
        answer.getString("dataAsOf").startsWith("2026-03-12T16:00"), answer.getString("dataAsOf"));
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
    // withheld, it tells nothing of its group: no num, den, count or size
    for (String field : List.of("num", "den", "n", "people")) {
      assertEquals(null, (Object) solo.get("metrics[0].figures[0]." + field), field);
    }
    // no deployment ever for solo-api: no data, not zero
    assertEquals(true, solo.getBoolean("metrics[1].figures[0].noData"));
    assertEquals(false, solo.getBoolean("coverage.deployments"));
    // the organization pools every pod: (100 + 40 + 0) / (200 + 40 + 90)
    JsonPath org = metrics("scope=org&metric=ai_code_share&from=2026-W10&to=2026-W10");
    assertEquals(140.0 / 330.0, org.getDouble("metrics[0].figures[0].value"), 1e-9);
    // org − checkout = build + solo: build is withheld too, and its repository and service
    // (the same items); checkout is shown
    for (String scope : List.of("pod:build", "repo:acme/build-api", "service:build-api")) {
      assertEquals(
          "withheld: shown beside the figures around it, it would reveal a group of fewer than 3"
              + " people",
          metrics("scope=" + scope + "&metric=ai_code_share&from=2026-W10&to=2026-W10")
              .getString("metrics[0].figures[0].withheld"),
          scope);
    }
  }

  @Test
  void aTotalOverAWithheldWeekIsWithheldSoThatWeekCannotBeWorkedOut() {
    String shared = "acme/shared";
    Events.send(
        // W12: ana, bo and cy merge in acme/shared (3 contributors: shown); W13: ana alone
        Events.prOpened(shared, 1, "ana-l", "2026-03-16T08:30:00Z"),
        Events.commit(shared, "h1", "ana@acme.example", "2026-03-16T08:00:00Z", 60, 1, AI),
        Events.prMerged(shared, 1, "ana-l", "2026-03-16T15:00:00Z", "h1", 60),
        Events.prOpened(shared, 2, "bo-k", "2026-03-17T08:30:00Z"),
        Events.commit(shared, "h2", "bo@acme.example", "2026-03-17T08:00:00Z", 20, 2, null),
        Events.prMerged(shared, 2, "bo-k", "2026-03-17T15:00:00Z", "h2", 20),
        Events.prOpened(shared, 3, "cy-m", "2026-03-18T08:30:00Z"),
        Events.commit(shared, "h3", "cy@acme.example", "2026-03-18T08:00:00Z", 20, 3, null),
        Events.prMerged(shared, 3, "cy-m", "2026-03-18T15:00:00Z", "h3", 20),
        Events.prOpened(shared, 4, "ana-l", "2026-03-23T08:30:00Z"),
        Events.commit(shared, "h4", "ana@acme.example", "2026-03-23T08:00:00Z", 70, 4, AI),
        Events.prMerged(shared, 4, "ana-l", "2026-03-23T15:00:00Z", "h4", 70));
    db.awaitFigures();
    String weeks = "scope=repo:" + shared + "&metric=ai_code_share&from=2026-W12&to=2026-W13";
    JsonPath weekly = metrics(weeks);
    // W12: 60 AI lines of 100
    assertEquals(60.0, weekly.getDouble("metrics[0].figures[0].num"), 1e-9);
    assertEquals(100.0, weekly.getDouble("metrics[0].figures[0].den"), 1e-9);
    assertEquals(
        "withheld: fewer than 3 people", weekly.getString("metrics[0].figures[1].withheld"));
    for (String field : List.of("value", "num", "den", "n", "people")) {
      assertEquals(null, (Object) weekly.get("metrics[0].figures[1]." + field), field);
    }
    // before: the total (130 / 170) minus W12 (60 / 100) gave W13 away (70 / 70)
    JsonPath total = metrics(weeks + "&granularity=total");
    assertEquals(
        "withheld: the range holds 2026-W13, which is withheld",
        total.getString("metrics[0].figures[0].withheld"));
    for (String field : List.of("value", "num", "den", "n", "people")) {
      assertEquals(null, (Object) total.get("metrics[0].figures[0]." + field), field);
    }
    // W12 alone is a total of its own, and shown
    assertEquals(
        0.6,
        metrics(
                "scope=repo:"
                    + shared
                    + "&metric=ai_code_share&from=2026-W12&to=2026-W12"
                    + "&granularity=total")
            .getDouble("metrics[0].figures[0].value"),
        1e-9);
    // the CSV leaves the withheld week's num, den, n and people empty
    String csv =
        given()
            .get("/api/metrics?" + weeks + "&format=csv")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        csv.contains(
            "repo:acme/shared,ai_code_share,share,2026-W13,,,,,,,,,withheld: fewer than 3 people,"),
        csv);
  }

  @Test
  void aPilotsWeeksTo90PercentAdoptionAndItsDrillDownAnswer() {
    // checkout becomes a pilot from W10; bo and cy use an agent that week, ana co-authored with one
    given()
        .contentType("application/yaml")
        .body(ORG + "pilots:\n  - {pod: checkout, champion: ana, start: 2026-03-02}\n")
        .put("/api/org")
        .then()
        .statusCode(200);
    Events.send(
        ErasureAndRetentionIT.usage("bo@acme.example", "2026-03-03"),
        ErasureAndRetentionIT.usage("cy@acme.example", "2026-03-04"));
    db.awaitFigures();
    JsonPath adoption =
        metrics(
            "scope=pod:checkout&metric=weekly_active_ai_users,weeks_to_90pct_adoption"
                + "&from=2026-W10&to=2026-W10");
    // 3 of 3 active engineers with an AI signal: 90 % reached in the pilot's first week → 0 weeks
    assertEquals(1.0, adoption.getDouble("metrics[0].figures[0].value"), 1e-9);
    assertEquals(0.0, adoption.getDouble("metrics[1].figures[0].value"), 1e-9);
    // derived from the weekly figures, it has no items of its own: an answer, not an error
    given()
        .get(
            "/api/metrics/drilldown?scope=pod:checkout&metric=weeks_to_90pct_adoption&week=2026-W10")
        .then()
        .statusCode(200)
        .body("figure.value", equalTo(0.0))
        .body("items", hasSize(0))
        .body("count", equalTo(0));
    // its scale gate: one week in, too early to judge
    given()
        .get("/api/pilots?week=2026-W10")
        .then()
        .statusCode(200)
        .body("pilots[0].pod", equalTo("checkout"))
        .body("pilots[0].verdict", equalTo("insufficient data"))
        .body("pilots[0].missing[0]", equalTo("4 weeks of the pilot (1 so far)"));
    // four weeks in: adoption met in the first week, but no baseline before it to judge outcomes
    given()
        .get("/api/pilots?week=2026-W13")
        .then()
        .statusCode(200)
        .body("pilots[0].weeksToAdoption", equalTo(1))
        .body("pilots[0].criteria[0].id", equalTo("adoption"))
        .body("pilots[0].criteria[0].met", equalTo(true))
        .body("pilots[0].verdict", equalTo("insufficient data"));
    given()
        .get("/api/pilots?week=last")
        .then()
        .statusCode(400)
        .body("detail", equalTo("week: 'last' is not an ISO week like 2026-W10"));
    // its card's series: from the 8 baseline weeks (W02…W09) to the week judged, W10 — 9 weeks;
    // the pods without a pilot are solo and build
    JsonPath card =
        given()
            .get("/api/pilots/checkout?week=2026-W10")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(9, card.getList("weeks").size());
    assertEquals("2026-W02", card.getString("baselineFrom"));
    assertEquals("2026-W10", card.getString("startWeek"));
    assertEquals(2, card.getInt("controlPods"));
    assertEquals("Checkout", card.getString("pilot.podName"));
    assertEquals(
        1.0,
        card.getDouble("series.find { it.metric == 'weekly_active_ai_users' }.pilot[8]"),
        1e-9);
    given().get("/api/pilots/solo").then().statusCode(404);

    // adoption against outcomes in W10: checkout's weekly active AI users 3 of 3 = 100 %, a pilot
    JsonPath points =
        given()
            .get(
                "/api/adoption-outcomes?x=weekly_active_ai_users&y=throughput_per_engineer"
                    + "&from=2026-W10&to=2026-W10")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1.0, points.getDouble("points.find { it.pod == 'checkout' }.x"), 1e-9);
    assertEquals(true, points.getBoolean("points.find { it.pod == 'checkout' }.pilot"));
    assertEquals(points.getList("points").size(), points.getInt("correlation.n"));
    assertTrue(points.getString("correlation.text").contains("is not a cause"));
    given()
        .get("/api/adoption-outcomes?x=lines")
        .then()
        .statusCode(400)
        .body("detail", equalTo("x: one of ai_code_share, weekly_active_ai_users, was 'lines'"));
    given()
        .get("/api/adoption-outcomes?from=2026-W20&to=2026-W10")
        .then()
        .statusCode(400)
        .body("detail", equalTo("from: 2026-W20 is after to 2026-W10"));
    given()
        .get("/api/adoption-outcomes?from=2023-W10&to=2026-W10")
        .then()
        .statusCode(400)
        .body("detail", equalTo("from: at most 104 weeks from to"));
    TestHttp.anonymous().get("/api/adoption-outcomes").then().statusCode(401);
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
    // AI share 100 / (200 + 100 + 50 + 50)
    assertEquals(100.0 / 400.0, total.getDouble("metrics[1].figures[0].value"), 1e-9);
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
        .body("key", equalTo(List.of(CO + "#4", CO + "#6", CO + "#7")));
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
        .body("", hasSize(53))
        .body("find { it.id == 'lead_time_p50_hours' }.unit", equalTo("hours"));
    given()
        .get("/api/metrics/table?kind=pod&week=2026-W10&metric=ai_code_share")
        .then()
        .statusCode(200)
        .body("rows.scope", equalTo(List.of("pod:checkout", "pod:solo", "pod:build")))
        .body("rows[0].figures.ai_code_share.value", closeTo(0.5, 1e-6))
        .body("rows[1].figures.ai_code_share.withheld", equalTo("withheld: fewer than 3 people"))
        .body("rows[2].figures.ai_code_share.withheld", containsString("shown beside"));
  }
}
