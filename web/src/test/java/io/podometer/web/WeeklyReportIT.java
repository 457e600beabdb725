package io.podometer.web;

import static io.podometer.web.TestHttp.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.web.antipattern.AntiPatternService;
import io.podometer.web.report.WeeklyReportService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weekly learn-and-kill report through the server, for a small organization whose week 2026-W45
 * (11-02 … 11-08) is written here: each section of its Markdown against an expected file; a stored
 * revision that new data does not change, and the revision that says what moved; access by role;
 * the privacy floor in every format; the Monday run.
 *
 * <p>The figures of the expected file, by hand:
 *
 * <ul>
 *   <li>checkout (ana, bo, cy) merges 6 PRs in W45, search (sue) one, none with AI: agent-assisted
 *       diffs 0 of 7 = 0 %; AI code share 0 of 7 × 40 added lines = 0 %; two PRs carry the bet
 *       fast's title tag, so 4 of 6 = 67 % of checkout's link to no bet, 5 of 7 = 71 % of the
 *       org's;
 *   <li>weekly active AI users: no agent use and no AI change, 0 % of the active engineers;
 *       AI-first engineers 0 %;
 *   <li>the pulse: checkout answers satisfaction 4, 3, 5 in W45, (4 + 3 + 5) / 3 = 4.00; W44 no
 *       answer; the 8 weeks before: none, so no data;
 *   <li>bet fast: conversion_rate readings 0.015 (W44) and 0.01 (W45), both under 0.02 for its
 *       2-week window: it fires, a kill candidate at 0.01 awaiting Ana's decision; bet orphan has
 *       no STO and no kill signal;
 *   <li>the pilot of checkout started 2026-10-26 (W44): 2 weeks of it, 4 needed — insufficient
 *       data;
 *   <li>search has one member, sue: its people figures are withheld (fewer than 3 people).
 * </ul>
 */
@QuarkusTest
class WeeklyReportIT {

  static {
    TestHttp.init();
  }

  static final String ORG =
      """
      org: {name: Acme, privacyFloor: 3, timeZone: UTC}
      pillars: [{id: commerce, name: Commerce}]
      pods: [{id: checkout, name: Checkout, pillar: commerce}, {id: search, name: Search, pillar: commerce}]
      members:
        - {id: ana, name: Ana, role: pm, identities: {github: [ana], emails: [ana@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: bo, name: Bo, role: engineer, identities: {github: [bo], emails: [bo@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: cy, name: Cy, role: engineer, identities: {github: [cy], emails: [cy@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: sue, name: Sue, role: engineer, identities: {github: [sue], emails: [sue@acme.example]}, memberships: [{pod: search, from: 2026-01-05}]}
      services: [{id: shop, pod: checkout, repos: [acme/shop]}, {id: find, pod: search, repos: [acme/find]}]
      champions: [{member: ana, pods: [checkout]}]
      pilots: [{pod: checkout, champion: ana, start: 2026-10-26}]
      bets:
        - id: fast
          title: Fast checkout
          sto: ana
          hypothesis: Fewer steps convert more
          killSignal: {signal: conversion_rate, comparator: "<", threshold: 0.02, windowWeeks: 2}
          links: {titleTags: ["[fast]"]}
        - {id: orphan, title: Orphan idea, started: 2026-11-02}
      """;

  @Inject TestDatabase db;
  @Inject AntiPatternService antiPatterns;
  @Inject WeeklyReportService reports;

  @BeforeEach
  void load() throws InterruptedException {
    db.resetAll();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    for (String name : List.of("ana", "sue")) {
      AccessControlIT.user(name, name + "@acme.example", "member");
    }
    List<String> events = new ArrayList<>();
    events.add(AntiPatternsIT.pr(1, "ana", "[fast] One-click pay", "2026-11-03T10:00:00Z"));
    events.add(AntiPatternsIT.pr(2, "bo", "[fast] Pay with a saved card", "2026-11-03T10:00:00Z"));
    events.add(AntiPatternsIT.pr(3, "bo", "Tidy the cart", "2026-11-04T10:00:00Z"));
    events.add(AntiPatternsIT.pr(4, "cy", "Rename a field", "2026-11-05T10:00:00Z"));
    events.add(AntiPatternsIT.pr(5, "ana", "Bump the logger", "2026-11-05T10:00:00Z"));
    events.add(AntiPatternsIT.pr(6, "cy", "Fix a typo", "2026-11-06T10:00:00Z"));
    events.add(
        AntiPatternsIT.pr(7, "sue", "Faster suggestions", "2026-11-04T10:00:00Z")
            .replace("acme/shop", "acme/find"));
    events.add(signal("fast", "conversion_rate", 0.015, "2026-10-28T12:00:00Z"));
    events.add(signal("fast", "conversion_rate", 0.01, "2026-11-04T12:00:00Z"));
    events.add(
        learning("fast", "ana", "Returning buyers skip the address step", "2026-11-05T15:00:00Z"));
    events.add(pulse("ana", "satisfaction", 4));
    events.add(pulse("bo", "satisfaction", 3));
    events.add(pulse("cy", "satisfaction", 5));
    post(events);
  }

  private void post(List<String> events) throws InterruptedException {
    given()
        .contentType("application/x-ndjson")
        .body(String.join("\n", events) + "\n")
        .post("/api/events")
        .then()
        .statusCode(202);
    db.awaitFigures();
    assertTrue(antiPatterns.awaitJudged(Duration.ofSeconds(10)), "flags not judged in 10 s");
  }

  static String signal(String bet, String name, double value, String at) {
    return ("{\"id\":\"signal:%1$s:%2$s:%4$s\",\"type\":\"bet.signal\",\"source\":\"api\","
            + "\"occurredAt\":\"%4$s\",\"schema\":1,\"data\":{\"betId\":\"%1$s\",\"name\":\"%2$s\","
            + "\"value\":%3$s,\"at\":\"%4$s\"}}")
        .formatted(bet, name, value, at);
  }

  static String learning(String bet, String author, String text, String at) {
    return ("{\"id\":\"learning:%1$s:%4$s\",\"type\":\"bet.learning\",\"source\":\"api\","
            + "\"occurredAt\":\"%4$s\",\"schema\":1,\"data\":{\"betId\":\"%1$s\",\"author\":\"%2$s\","
            + "\"text\":\"%3$s\",\"at\":\"%4$s\"}}")
        .formatted(bet, author, text, at);
  }

  static String pulse(String respondent, String question, int score) {
    return ("{\"id\":\"pulse:%1$s@acme.example:2026-W45:%2$s\",\"type\":\"pulse.score\","
            + "\"source\":\"csv\",\"occurredAt\":\"2026-11-06T16:00:00Z\",\"schema\":1,"
            + "\"data\":{\"respondent\":\"%1$s@acme.example\",\"week\":\"2026-W45\","
            + "\"question\":\"%2$s\",\"score\":%3$d}}")
        .formatted(respondent, question, score);
  }

  private static String markdown(String scope, String week) {
    return given()
        .get("/api/reports/weekly?format=md&scope=" + scope + "&week=" + week)
        .then()
        .statusCode(200)
        .contentType(containsString("text/markdown"))
        .extract()
        .asString();
  }

  /** The report's sections by heading ("" for what comes before the first). */
  static Map<String, String> sections(String markdown) {
    Map<String, String> sections = new LinkedHashMap<>();
    String heading = "";
    StringBuilder body = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        sections.put(heading, body.toString().strip());
        heading = line;
        body.setLength(0);
      } else {
        body.append(line).append('\n');
      }
    }
    sections.put(heading, body.toString().strip());
    return sections;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WeeklyReportIT.class.getResourceAsStream("/reports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void sameSections(String expectedFile, String markdown) throws IOException {
    Map<String, String> expected = sections(resource(expectedFile));
    Map<String, String> actual =
        sections(
            markdown.replaceAll(
                "generated \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC", "generated … UTC"));
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "the sections");
    expected.forEach((heading, body) -> assertEquals(body, actual.get(heading), heading));
  }

  @Test
  void theOrganizationsWeekReadsAsExpectedSectionBySection() throws IOException {
    sameSections("org-2026-W45.md", markdown("org", "2026-W45"));
  }

  @Test
  void aPodUnderThePrivacyFloorSaysWhatIsWithheldInEveryFormat() throws IOException {
    sameSections("search-2026-W45.md", markdown("pod:search", "2026-W45"));
    JsonPath json =
        given()
            .get("/api/reports/weekly?format=json&scope=pod:search&week=2026-W45")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        "withheld: fewer than 3 people",
        json.getString("headline.find { it.metric == 'ai_code_share' }.thisWeek.withheld"));
    assertTrue(
        json.get("headline.find { it.metric == 'ai_code_share' }.thisWeek.value") == null,
        "no value where it is withheld");
    assertEquals(
        "withheld: fewer than 3 people", json.getString("ownership.unlinkedShare.withheld"));
    String html =
        given()
            .get("/api/reports/weekly?format=html&scope=pod:search&week=2026-W45")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertTrue(html.contains("<td class=\"withheld\">withheld: fewer than 3 people</td>"), html);
    assertTrue(html.contains("7. Pilot scorecards"));
  }

  @Test
  void aStoredRevisionDoesNotChangeAndRegeneratingSaysWhatMoved() throws InterruptedException {
    JsonPath first = json("org", "2026-W45", null);
    assertEquals(1, first.getInt("revision"));
    String stored = markdown("org", "2026-W45");
    // a PR of W45 linked to fast arrives later: 5 of 8 merged PRs now link to no bet (63 %)
    post(List.of(AntiPatternsIT.pr(8, "bo", "[fast] Remember the card", "2026-11-06T11:00:00Z")));
    assertEquals(stored, markdown("org", "2026-W45"), "a stored revision reads as written");
    JsonPath second =
        given()
            .post("/api/reports/weekly?scope=org&week=2026-W45")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertEquals(2, second.getInt("revision"));
    assertEquals(List.of("merged PRs linked to no bet: 71 % → 63 %"), second.getList("moved"));
    assertTrue(
        markdown("org", "2026-W45")
            .contains("## What moved since revision 1\n- merged PRs linked"));
    assertEquals("71 %", json("org", "2026-W45", 1).getString("ownership.unlinkedShare.text"));
    given().get("/api/reports/weekly?scope=org&week=2026-W45&revision=3").then().statusCode(404);
    // nothing new: a third revision says so
    JsonPath third =
        given().post("/api/reports/weekly?scope=org&week=2026-W45").then().extract().jsonPath();
    assertEquals(
        List.of("nothing moved: figures, bets, flags and pilots read as in revision 2"),
        third.getList("moved"));
    assertEquals(
        List.of(3, 2, 1),
        given().get("/api/reports?scope=org").then().extract().jsonPath().getList("revision"));
  }

  private static JsonPath json(String scope, String week, Integer revision) {
    return given()
        .get(
            "/api/reports/weekly?format=json&scope="
                + scope
                + "&week="
                + week
                + (revision == null ? "" : "&revision=" + revision))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aMemberReadsTheirPodsAndTheOrganizationsReportsOnly() {
    as("sue", AccessControlIT.PASSWORD)
        .get("/api/reports/weekly?scope=org&week=2026-W45")
        .then()
        .statusCode(200);
    as("sue", AccessControlIT.PASSWORD)
        .get("/api/reports/weekly?scope=pod:search&week=2026-W45")
        .then()
        .statusCode(200);
    as("sue", AccessControlIT.PASSWORD)
        .get("/api/reports/weekly?scope=pod:checkout&week=2026-W45")
        .then()
        .statusCode(403);
    as("sue", AccessControlIT.PASSWORD)
        .get("/api/reports/weekly?scope=pillar:commerce&week=2026-W45")
        .then()
        .statusCode(403);
    as("ana", AccessControlIT.PASSWORD)
        .get("/reports/weekly?scope=pod:checkout&week=2026-W45")
        .then()
        .statusCode(200)
        .body(containsString("Weekly learn-and-kill report — Checkout, 2026-W45"));
    // a member may write the next revision of what they read; a read-only token may not
    as("sue", AccessControlIT.PASSWORD)
        .post("/api/reports/weekly?scope=pod:search&week=2026-W45")
        .then()
        .statusCode(201);
    TestHttp.withToken(AccessControlIT.token("reports-reader", "read"))
        .post("/api/reports/weekly?scope=org&week=2026-W45")
        .then()
        .statusCode(403);
    // the archive lists what each may read
    as("sue", AccessControlIT.PASSWORD)
        .get("/api/reports")
        .then()
        .statusCode(200)
        .body("scope", equalTo(List.of("org", "pod:search", "pod:search")))
        .body("revision", equalTo(List.of(1, 2, 1)));
  }

  @Test
  void badRequestsAreRefusedByField() {
    given()
        .get("/api/reports/weekly?scope=org&week=2026-W45&format=pdf")
        .then()
        .statusCode(400)
        .body("detail", equalTo("format: 'md', 'html' or 'json', was 'pdf'"));
    given()
        .get("/api/reports/weekly?scope=bet:fast")
        .then()
        .statusCode(400)
        .body("detail", containsString("scope: a report is for org, pillar:<id> or pod:<id>"));
    given().get("/api/reports/weekly?scope=pod:nope").then().statusCode(404);
    given()
        .get("/api/reports/weekly?week=2026-W60")
        .then()
        .statusCode(400)
        .body("detail", containsString("week"));
    given()
        .get("/api/reports/weekly?week=2099-W01")
        .then()
        .statusCode(400)
        .body("detail", containsString("has not ended"));
    given()
        .get("/api/reports/weekly?week=2026-W45&revision=0")
        .then()
        .statusCode(400)
        .body("detail", containsString("revision"));
  }

  @Test
  void mondaysRunWritesLastWeeksReportsForTheOrganizationEachPillarAndEachPod() {
    // Monday 2026-11-09 07:00 UTC, after the 06:00 default: the week just ended is W45
    assertEquals(4, reports.weeklyRun(Instant.parse("2026-11-09T07:00:00Z")));
    assertEquals(0, reports.weeklyRun(Instant.parse("2026-11-09T07:10:00Z")), "written once");
    List<String> written = given().get("/api/reports").then().extract().jsonPath().getList("scope");
    assertEquals(List.of("org", "pillar:commerce", "pod:checkout", "pod:search"), written);
    assertEquals(
        "scheduler", given().get("/api/reports").then().extract().jsonPath().getString("[0].by"));
    // before the hour on Monday, the week due is still the one before
    assertEquals(4, reports.weeklyRun(Instant.parse("2026-11-09T05:00:00Z")));
    assertEquals(
        List.of("2026-W45", "2026-W44"),
        given().get("/api/reports?scope=org").then().extract().jsonPath().getList("week"));
  }
}
