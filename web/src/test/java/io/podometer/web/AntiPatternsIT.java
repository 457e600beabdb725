package io.podometer.web;

import static io.podometer.web.TestHttp.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.web.antipattern.AntiPatternService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flags through the server: the detectors run after the figures, their flags are stored, listed
 * with rule, thresholds and evidence, opened to the PRs behind them, acknowledged, and cleared (and
 * kept) when new data stops the rule firing.
 *
 * <p>checkout merges six PRs in 2026-W45 (11-02 … 11-08), two of them tagged {@code [fast]}, the
 * bet {@code fast}'s title tag: 4 of 6 link to no bet, over the 50 % of {@code unowned_work}. The
 * bet {@code orphan} (exploring, from 2026-11-02) has no single task owner.
 */
@QuarkusTest
class AntiPatternsIT {

  static {
    TestHttp.init();
  }

  static final String ORG =
      """
      org: {name: Acme, privacyFloor: 3, timeZone: UTC}
      pods: [{id: checkout, name: Checkout}, {id: search, name: Search}]
      members:
        - {id: ana, name: Ana, role: engineer, identities: {github: [ana]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: bo, name: Bo, role: engineer, identities: {github: [bo]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: cy, name: Cy, role: engineer, identities: {github: [cy]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: sue, name: Sue, role: engineer, identities: {emails: [sue@acme.example]}, memberships: [{pod: search, from: 2026-01-05}]}
      services: [{id: shop, pod: checkout, repos: [acme/shop]}]
      bets:
        - {id: fast, title: Fast checkout, sto: ana, links: {titleTags: ["[fast]"]}}
        - {id: orphan, title: Orphan idea, started: 2026-11-02}
      """;

  @Inject TestDatabase db;
  @Inject AntiPatternService antiPatterns;

  @BeforeEach
  void load() throws InterruptedException {
    db.resetAll();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    post(
        pr(1, "ana", "[fast] One-click pay", "2026-11-03T10:00:00Z"),
        pr(2, "bo", "[fast] Pay with a saved card", "2026-11-03T10:00:00Z"),
        pr(3, "bo", "Tidy the cart", "2026-11-04T10:00:00Z"),
        pr(4, "cy", "Rename a field", "2026-11-05T10:00:00Z"),
        pr(5, "ana", "Bump the logger", "2026-11-05T10:00:00Z"),
        pr(6, "cy", "Fix a typo", "2026-11-06T10:00:00Z"));
  }

  private void post(String... events) throws InterruptedException {
    given()
        .contentType("application/x-ndjson")
        .body(String.join("\n", events) + "\n")
        .post("/api/events")
        .then()
        .statusCode(202);
    db.awaitFigures();
    assertTrue(antiPatterns.awaitJudged(Duration.ofSeconds(10)), "flags not judged in 10 s");
  }

  /** A PR opened and merged the same day. */
  static String pr(int number, String author, String title, String at) {
    String merged = at.replace("T10:", "T15:");
    return ("{\"id\":\"pr:acme/shop#%1$d:opened\",\"type\":\"pr.opened\",\"source\":\"api\","
            + "\"occurredAt\":\"%4$s\",\"repo\":\"acme/shop\",\"schema\":1,\"data\":{\"number\":%1$d,"
            + "\"title\":\"%3$s\",\"author\":\"%2$s\",\"createdAt\":\"%4$s\"}}\n"
            + "{\"id\":\"pr:acme/shop#%1$d:merged\",\"type\":\"pr.merged\",\"source\":\"api\","
            + "\"occurredAt\":\"%5$s\",\"repo\":\"acme/shop\",\"schema\":1,\"data\":{\"number\":%1$d,"
            + "\"author\":\"%2$s\",\"mergedAt\":\"%5$s\",\"mergeCommitSha\":\"%6$s\","
            + "\"additions\":40,\"deletions\":2}}")
        .formatted(number, author, title, at, merged, ("%040d".formatted(number)));
  }

  private static JsonPath list(String query) {
    return given().get("/api/antipatterns" + query).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void flagsAreStoredListedOpenedAcknowledgedAndClearedWithHistory() throws InterruptedException {
    JsonPath week = list("?from=2026-W45&to=2026-W45");
    // the pod's flag: 4 of 6 merged PRs unlinked; the bet's: no single task owner
    assertEquals(
        List.of("unowned_work bet:orphan high", "unowned_work pod:checkout medium"),
        week.getList("flags").stream()
            .map(f -> (java.util.Map<?, ?>) f)
            .map(f -> f.get("detector") + " " + f.get("scope") + " " + f.get("severity"))
            .toList());
    String checkout = "flags.find { it.scope == 'pod:checkout' }";
    assertEquals(
        "67 % of the week's merged PRs (4 of 6) link to no bet (over 50 %)",
        week.getString(checkout + ".rule"));
    assertEquals(0.5, week.getDouble(checkout + ".thresholds.unlinkedShare"), 1e-9);
    assertEquals("unlinked_pr_share", week.getString(checkout + ".evidence[0].metric"));
    assertEquals(4.0 / 6, week.getDouble(checkout + ".evidence[0].value"), 1e-6);
    assertEquals("Checkout", week.getString(checkout + ".scopeName"));
    assertTrue(week.getString(checkout + ".suggestedAction").startsWith("Give every piece"));
    // detectors without their data say so, per pod (search has no PRs at all)
    assertTrue(
        week.getList("notEvaluated.detector").contains("meeting_creep"),
        week.getList("notEvaluated").toString());
    assertTrue(week.getList("notEvaluated.scope").contains("pod:search"));
    long id = week.getLong(checkout + ".id");
    assertEquals(
        "Unowned work", week.getString("detectors.find { it.id == 'unowned_work' }.title"));

    // a member of search sees neither checkout's flag nor the bet's, and may not ask for them
    AccessControlIT.user("sue-flags", "sue@acme.example", "member");
    AccessControlIT.person("sue-flags")
        .get("/api/antipatterns?from=2026-W45&to=2026-W45")
        .then()
        .statusCode(200)
        .body("flags", org.hamcrest.Matchers.empty())
        .body("notEvaluated.scope", not(hasItem("pod:checkout")));
    AccessControlIT.person("sue-flags")
        .get("/api/antipatterns?scope=pod:checkout")
        .then()
        .statusCode(403);
    AccessControlIT.person("sue-flags").get("/api/antipatterns/" + id).then().statusCode(403);

    // opened: the six PRs behind the figure, with the rule that tied each in
    given()
        .get("/api/antipatterns/" + id)
        .then()
        .statusCode(200)
        .body("flag.id", equalTo((int) id))
        .body("history.kind", equalTo(List.of("raised")))
        .body("facts[0].metric", equalTo("unlinked_pr_share"))
        .body("facts[0].count", equalTo(6))
        .body("facts[0].items.ref", hasItem("pr:acme/shop#3"))
        .body("facts[0].items.find { it.ref == 'pr:acme/shop#1' }.rule", containsString("fast"))
        .body("facts[0].items[0].link", containsString("/api/facts/pull-requests"));

    // acknowledged by the leader, with a note; a read-only token may not
    String read = AccessControlIT.token("antipatterns-read", "read");
    withToken(read)
        .contentType("application/json")
        .body("{\"note\":\"x\"}")
        .post("/api/antipatterns/" + id + "/acknowledgement")
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .body("{\"note\":\"Linking the cart work to a bet this sprint\"}")
        .post("/api/antipatterns/" + id + "/acknowledgement")
        .then()
        .statusCode(200)
        .body("acknowledgement.by", equalTo("admin"))
        .body("acknowledgement.note", equalTo("Linking the cart work to a bet this sprint"));
    withToken(read)
        .get("/api/antipatterns?from=2026-W45&to=2026-W45&scope=pod:checkout")
        .then()
        .statusCode(200)
        .body("flags[0].acknowledgement.by", equalTo("admin"));

    // two more PRs of the bet: 4 of 8 unlinked is not over 50 %, the flag clears and is kept
    post(
        pr(7, "ana", "[fast] Remember the card", "2026-11-06T10:00:00Z"),
        pr(8, "bo", "[fast] Faster confirmation", "2026-11-07T10:00:00Z"));
    JsonPath after = list("?from=2026-W45&to=2026-W45&scope=pod:checkout");
    assertEquals(List.of(), after.getList("flags"));
    JsonPath all = list("?from=2026-W45&to=2026-W45&scope=pod:checkout&status=all");
    assertEquals(id, all.getLong("flags[0].id"));
    assertTrue(all.getString("flags[0].clearedAt") != null);
    assertEquals("admin", all.getString("flags[0].acknowledgement.by"));
    given()
        .get("/api/antipatterns/" + id)
        .then()
        .statusCode(200)
        .body("history.kind", equalTo(List.of("raised", "acknowledged", "cleared")))
        .body("history[1].note", equalTo("Linking the cart work to a bet this sprint"));
  }

  @Test
  void aRecomputationThatChangesNoFigureIsNotJudgedAgain() throws InterruptedException {
    AntiPatternService.Judgement before = antiPatterns.latest();
    given().post("/api/admin/recompute").then().statusCode(200).body("changed", equalTo(0));
    assertTrue(antiPatterns.awaitJudged(Duration.ofSeconds(10)));
    assertSame(before, antiPatterns.latest(), "the same figures are not judged again");
    // a new fact moves figures: they are judged again
    post(pr(7, "bo", "Tidy the header", "2026-11-06T11:00:00Z"));
    assertNotSame(before, antiPatterns.latest());
  }

  @Test
  void badRequestsNameTheParameter() {
    given()
        .get("/api/antipatterns?detector=gaming")
        .then()
        .statusCode(400)
        .body("detail", containsString("detector: unknown 'gaming'"))
        .body(not(containsString("Exception")));
    given()
        .get("/api/antipatterns?status=open")
        .then()
        .statusCode(400)
        .body("detail", containsString("status: unknown 'open'"));
    given()
        .get("/api/antipatterns?from=2026-W45&to=2026-W40")
        .then()
        .statusCode(400)
        .body("detail", containsString("from: 2026-W45 is after to 2026-W40"));
    given().get("/api/antipatterns?from=last-week").then().statusCode(400);
    given().get("/api/antipatterns/999999999").then().statusCode(404);
    given().get("/api/antipatterns/abc").then().statusCode(404);
    long id = list("?from=2026-W45&to=2026-W45").getLong("flags[0].id");
    given()
        .contentType("application/json")
        .body("{\"note\":\"" + "x".repeat(2001) + "\"}")
        .post("/api/antipatterns/" + id + "/acknowledgement")
        .then()
        .statusCode(400)
        .body("detail", equalTo("note: at most 2000 characters"));
    given()
        .contentType("application/json")
        .body("{\"note\":\"ok\",\"by\":\"someone else\"}")
        .post("/api/antipatterns/" + id + "/acknowledgement")
        .then()
        .statusCode(400)
        .body("detail", containsString("unknown field(s) [by]"));
    given()
        .contentType("application/json")
        .body("{\"note\": ")
        .post("/api/antipatterns/" + id + "/acknowledgement")
        .then()
        .statusCode(400)
        .body(not(containsString("Exception")));
    given()
        .contentType("application/json")
        .body("[\"a note\"]")
        .post("/api/antipatterns/" + id + "/acknowledgement")
        .then()
        .statusCode(400)
        .body("detail", containsString("body: a JSON object"));
    given()
        .contentType("application/json")
        .body("{\"note\": 42}")
        .post("/api/antipatterns/" + id + "/acknowledgement")
        .then()
        .statusCode(400)
        .body("detail", equalTo("note: must be a string"));
    given()
        .get("/api/antipatterns?scope=pod:" + "x".repeat(1000))
        .then()
        .statusCode(org.hamcrest.Matchers.lessThan(500))
        .body(not(containsString("Exception")));
    for (String path : List.of("/api/antipatterns", "/api/antipatterns/" + id, "/api/pilots")) {
      TestHttp.anonymous().get(path).then().statusCode(401);
    }
    TestHttp.anonymous()
        .contentType("application/json")
        .body("{\"note\":\"x\"}")
        .post("/api/antipatterns/" + id + "/acknowledgement")
        .then()
        .statusCode(401);
    // nothing of the refused requests was stored
    given()
        .get("/api/antipatterns/" + id)
        .then()
        .statusCode(200)
        .body("flag.acknowledgement", nullValue());
  }
}
