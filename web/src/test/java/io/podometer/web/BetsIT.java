package io.podometer.web;

import static io.podometer.web.TestHttp.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bets through the server: from the organization file and the API, with their STO checked, their
 * status history dated, outcome readings and learnings recorded as events, the kill signal judged
 * on the last complete week, and the owner's decision on a kill candidate.
 *
 * <p>Weeks are counted back from the last complete week (W-1 … W-4), as the server judges then.
 */
@io.quarkus.test.junit.QuarkusTest
class BetsIT {

  static {
    TestHttp.init();
  }

  static final String ORG =
      """
      org: {name: Acme, privacyFloor: 3, timeZone: UTC}
      pods: [{id: checkout, name: Checkout}, {id: search, name: Search}]
      members:
        - {id: ana, name: Ana, role: pm, identities: {emails: [ana@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: bo, name: Bo, role: engineer, identities: {emails: [bo@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: sue, name: Sue, role: engineer, identities: {emails: [sue@acme.example]}, memberships: [{pod: search, from: 2026-01-05}]}
      bets:
        - id: one-click
          title: One-click checkout
          sto: ana
          hypothesis: Returning buyers convert better without the address step
          killSignal: {signal: conversion_rate, comparator: "<", threshold: 0.02, windowWeeks: 4}
          started: 2026-06-01
        - id: steady
          title: Saved carts
          sto: ana
          killSignal: {signal: conversion_rate, comparator: "<", threshold: 0.02, windowWeeks: 2}
        - id: fresh
          title: Search suggestions
          sto: sue
          killSignal: {signal: click_share, comparator: "<", threshold: 0.1, windowWeeks: 2}
      """;

  @Inject TestDatabase db;

  /** Monday of the last complete week. */
  private final LocalDate lastWeek =
      LocalDate.now(ZoneOffset.UTC)
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
          .minusWeeks(1);

  @BeforeEach
  void load() {
    db.resetAll();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    for (String name : List.of("ana", "bo", "sue")) {
      AccessControlIT.user(name, name + "@acme.example", "member");
    }
  }

  /** Noon on a weekday of the week {@code back} weeks before the last complete one. */
  private String at(int back, DayOfWeek day) {
    return lastWeek.minusWeeks(back).with(day) + "T12:00:00Z";
  }

  private void reading(String bet, String name, double value, String at) {
    given()
        .contentType("application/json")
        .body(Map.of("name", name, "value", value, "at", at))
        .post("/api/bets/" + bet + "/signals")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1));
  }

  private static JsonPath bets() {
    return given().get("/api/bets").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aKillSignalFiresOnlyWhenEveryWeekOfItsWindowBreaches() {
    // one-click, window 4: W-4 0.012; W-3 two readings 0.010 and 0.020, mean 0.015; W-2 0.018;
    // W-1 0.019 — all under 0.02, so it fires
    reading("one-click", "conversion_rate", 0.012, at(3, DayOfWeek.WEDNESDAY));
    reading("one-click", "conversion_rate", 0.010, at(2, DayOfWeek.TUESDAY));
    reading("one-click", "conversion_rate", 0.020, at(2, DayOfWeek.THURSDAY));
    reading("one-click", "conversion_rate", 0.018, at(1, DayOfWeek.WEDNESDAY));
    reading("one-click", "conversion_rate", 0.019, at(0, DayOfWeek.WEDNESDAY));
    // steady, window 2: W-2 0.01 breaches, W-1 0.03 does not — it holds
    reading("steady", "conversion_rate", 0.01, at(1, DayOfWeek.MONDAY));
    reading("steady", "conversion_rate", 0.03, at(0, DayOfWeek.FRIDAY));
    // fresh, window 2: only W-1 has a reading — not evaluated, naming W-2
    reading("fresh", "click_share", 0.05, at(0, DayOfWeek.MONDAY));
    db.awaitFigures();

    JsonPath all = bets();
    String oneClick = "bets.find { it.id == 'one-click' }";
    assertEquals("fires", all.getString(oneClick + ".killSignalNow.state"));
    assertTrue(all.getBoolean(oneClick + ".killCandidate"));
    assertEquals(0.019, all.getDouble(oneClick + ".killSignalNow.current"), 1e-9);
    assertEquals(0.015, all.getDouble(oneClick + ".killSignalNow.window[1].value"), 1e-9);
    assertEquals(2, all.getInt(oneClick + ".killSignalNow.window[1].readings"));
    assertEquals(
        "conversion_rate < 0.02 for 4 weeks running", all.getString(oneClick + ".killSignal.text"));
    assertEquals("ana", all.getString(oneClick + ".sto"));
    assertEquals("holds", all.getString("bets.find { it.id == 'steady' }.killSignalNow.state"));
    assertFalse(all.getBoolean("bets.find { it.id == 'steady' }.killCandidate"));
    String fresh = "bets.find { it.id == 'fresh' }.killSignalNow";
    assertEquals("not evaluated", all.getString(fresh + ".state"));
    String previous = io.podometer.engine.time.IsoWeek.of(lastWeek.minusWeeks(1)).toString();
    assertEquals("no click_share reading in " + previous, all.getString(fresh + ".missing"));

    // the week's readings as a series, and a week asked for: one week earlier, W-2 … W-5
    JsonPath detail =
        given().get("/api/bets/one-click").then().statusCode(200).extract().jsonPath();
    assertEquals(4, detail.getList("signals[0].weeks").size());
    assertEquals(0.015, detail.getDouble("signals[0].weeks[1].value"), 1e-9);
    String earlier = io.podometer.engine.time.IsoWeek.of(lastWeek.minusWeeks(1)).toString();
    given()
        .get("/api/bets?week=" + earlier)
        .then()
        .statusCode(200)
        .body("bets.find { it.id == 'one-click' }.killSignalNow.state", equalTo("not evaluated"));
  }

  @Test
  void theOwnerDecidesOnAKillCandidateAndTheDecisionIsRecorded() {
    for (int back = 0; back < 4; back++) {
      reading("one-click", "conversion_rate", 0.01, at(back, DayOfWeek.WEDNESDAY));
    }
    reading("steady", "conversion_rate", 0.05, at(0, DayOfWeek.WEDNESDAY));
    reading("steady", "conversion_rate", 0.05, at(1, DayOfWeek.WEDNESDAY));
    db.awaitFigures();
    // someone else in the pod may not decide; a bet that does not fire is no candidate
    as("bo", AccessControlIT.PASSWORD)
        .contentType("application/json")
        .body(Map.of("decision", "keep"))
        .post("/api/bets/one-click/decision")
        .then()
        .statusCode(403);
    as("ana", AccessControlIT.PASSWORD)
        .contentType("application/json")
        .body(Map.of("decision", "kill"))
        .post("/api/bets/steady/decision")
        .then()
        .statusCode(409)
        .body("detail", containsString("no kill candidate"));
    as("ana", AccessControlIT.PASSWORD)
        .contentType("application/json")
        .body(Map.of("decision", "keep", "note", "a holiday dip; two more weeks"))
        .post("/api/bets/one-click/decision")
        .then()
        .statusCode(200)
        .body("decision", equalTo("keep"))
        .body("by", equalTo("ana"));
    JsonPath kept = bets();
    assertEquals("exploring", kept.getString("bets.find { it.id == 'one-click' }.status"));
    assertEquals(
        "a holiday dip; two more weeks",
        kept.getString("bets.find { it.id == 'one-click' }.lastDecision.note"));
    as("ana", AccessControlIT.PASSWORD)
        .contentType("application/json")
        .body(Map.of("decision", "kill", "note", "no lift after six weeks"))
        .post("/api/bets/one-click/decision")
        .then()
        .statusCode(200);
    JsonPath killed = bets();
    String oneClick = "bets.find { it.id == 'one-click' }";
    assertEquals("killed", killed.getString(oneClick + ".status"));
    assertFalse(killed.getBoolean(oneClick + ".killCandidate"));
    assertEquals(List.of("exploring", "killed"), killed.getList(oneClick + ".history.status"));
    assertEquals("ana", killed.getString(oneClick + ".history[1].by"));
    assertEquals(
        List.of("keep", "kill"),
        given()
            .get("/api/bets/one-click")
            .then()
            .extract()
            .jsonPath()
            .getList("decisions.decision"));
  }

  @Test
  void betsAreCreatedAndChangedWithTheirStoCheckedAndTheirStatusDated() {
    // no STO: accepted, with a warning
    given()
        .contentType("application/json")
        .body(Map.of("id", "orphan", "title", "Orphan idea"))
        .post("/api/bets")
        .then()
        .statusCode(201)
        .body("warnings[0]", containsString("has no STO"))
        .body("bet.warnings[0]", containsString("no STO"));
    // two: accepted, with a warning
    given()
        .contentType("application/json")
        .body(Map.of("id", "shared", "title", "Shared idea", "sto", List.of("ana", "bo")))
        .post("/api/bets")
        .then()
        .statusCode(201)
        .body("warnings[0]", containsString("has 2 STOs"));
    // an STO who is not a member is refused, naming the field
    given()
        .contentType("application/json")
        .body(Map.of("id", "ghost", "title", "Ghost", "sto", "zed"))
        .post("/api/bets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sto"))
        .body("errors[0].message", containsString("unknown member 'zed'"));
    given()
        .contentType("application/json")
        .body(Map.of("id", "orphan", "title", "Again"))
        .post("/api/bets")
        .then()
        .statusCode(409);
    given()
        .contentType("application/json")
        .body(Map.of("id", "typo", "title", "Typo", "owner", "ana"))
        .post("/api/bets")
        .then()
        .statusCode(400)
        .body("detail", containsString("owner"));
    given()
        .contentType("application/json")
        .body(Map.of("id", "bad", "title", "x".repeat(201)))
        .post("/api/bets")
        .then()
        .statusCode(400)
        .body("detail", equalTo("title: at most 200 characters, was 201"));
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "id",
                "slow",
                "title",
                "Slow",
                "sto",
                "bo",
                "killSignal",
                Map.of("metric", "lead_time", "comparator", ">", "threshold", 48)))
        .post("/api/bets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("killSignal.metric"));
    // nothing of the refused ones was stored
    assertEquals(
        List.of("one-click", "steady", "fresh", "orphan", "shared"), bets().getList("bets.id"));

    // its STO moves it on; another member may not
    Map<String, Object> scaling =
        Map.of(
            "title", "One-click checkout",
            "sto", "ana",
            "status", "scaling",
            "killSignal",
                Map.of("signal", "conversion_rate", "comparator", "<", "threshold", 0.02));
    as("bo", AccessControlIT.PASSWORD)
        .contentType("application/json")
        .body(scaling)
        .put("/api/bets/one-click")
        .then()
        .statusCode(403);
    as("ana", AccessControlIT.PASSWORD)
        .contentType("application/json")
        .body(scaling)
        .put("/api/bets/one-click")
        .then()
        .statusCode(200)
        .body("bet.status", equalTo("scaling"))
        .body("bet.history.status", equalTo(List.of("exploring", "scaling")))
        .body("bet.history[1].by", equalTo("ana"))
        .body("bet.history[1].note", equalTo("was exploring"));
    given()
        .contentType("application/json")
        .body(Map.of("id", "other", "title", "x"))
        .put("/api/bets/one-click")
        .then()
        .statusCode(400)
        .body("detail", containsString("the path 'one-click'"));
    given()
        .contentType("application/json")
        .body(scaling)
        .put("/api/bets/nope")
        .then()
        .statusCode(404);
    // the change is a version of the organization model: the file's shape reads it back
    given()
        .accept("application/json")
        .get("/api/org")
        .then()
        .body("bets.find { it.id == 'one-click' }.status", equalTo("scaling"));
  }

  @Test
  void readingsAndLearningsAreRecordedAsEventsAndBadOnesRefusedByField() {
    as("ana", AccessControlIT.PASSWORD)
        .contentType("application/json")
        .body(
            Map.of(
                "text",
                "Returning buyers skip the address step 3× more",
                "at",
                at(1, DayOfWeek.MONDAY)))
        .post("/api/bets/one-click/learnings")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1));
    as("ana", AccessControlIT.PASSWORD)
        .contentType("application/json")
        .body(Map.of("text", "The lift holds on mobile"))
        .post("/api/bets/one-click/learnings")
        .then()
        .statusCode(200);
    as("sue", AccessControlIT.PASSWORD)
        .contentType("application/json")
        .body(Map.of("text", "not mine"))
        .post("/api/bets/one-click/learnings")
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .body(List.of(Map.of("name", "conversion_rate", "value", "high")))
        .post("/api/bets/one-click/signals")
        .then()
        .statusCode(400)
        .body("detail", equalTo("value: required, a finite number"));
    given()
        .contentType("application/json")
        .body(
            List.of(
                Map.of("name", "conversion_rate", "value", 0.1),
                Map.of("name", "conversion_rate", "value", 0.1, "when", "today")))
        .post("/api/bets/one-click/signals")
        .then()
        .statusCode(400)
        .body("detail", containsString("[1].when: unknown field"));
    given()
        .contentType("application/json")
        .body(Map.of("name", "conversion_rate", "value", 0.1, "at", "last tuesday"))
        .post("/api/bets/one-click/signals")
        .then()
        .statusCode(400)
        .body("detail", containsString("at: an ISO-8601 timestamp"));
    db.awaitFigures();
    JsonPath detail = given().get("/api/bets/one-click").then().extract().jsonPath();
    assertEquals(
        List.of("The lift holds on mobile", "Returning buyers skip the address step 3× more"),
        detail.getList("learnings.text"));
    assertEquals("Ana", detail.getString("learnings[0].author"), "the author by name");
    assertTrue(detail.getList("signals").isEmpty(), "no reading was stored");
  }
}
