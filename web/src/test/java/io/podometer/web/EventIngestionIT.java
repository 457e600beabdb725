package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventIngestionIT {

  static final String REPO = "acme/shop";

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

  @BeforeEach
  void reset() {
    db.reset();
  }

  @Test
  void aBatchIsAcceptedStoredAndFoldedIntoFacts() {
    String batch =
        Events.ndjson(
            Events.prMerged(REPO, 41, "ana", "2026-03-03T15:30:00Z", "m41", 120),
            Events.prOpened(REPO, 41, "ana", "2026-03-02T09:00:00Z"));

    given()
        .contentType("application/x-ndjson")
        .body(batch)
        .when()
        .post("/api/events")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(2))
        .body("duplicates", equalTo(0))
        .body("revisions", equalTo(0));

    given()
        .when()
        .get("/api/facts/pull-requests?repo=acme/shop&number=41")
        .then()
        .statusCode(200)
        .body("[0].fields.title", equalTo("Change 41"))
        .body("[0].fields.mergedAt", equalTo("2026-03-03T15:30:00Z"))
        .body("[0].fields.additions", equalTo(120))
        .body("[0].eventIds", contains("pr:acme/shop#41:merged", "pr:acme/shop#41:opened"));
  }

  @Test
  void repeatsAreCountedAsDuplicatesAndChangedPayloadsAsRevisions() {
    String merged = Events.prMerged(REPO, 42, "ana", "2026-03-03T15:30:00Z", "m42", 10);
    given().contentType("application/json").body(merged).post("/api/events").then().statusCode(202);

    given()
        .contentType("application/json")
        .body(merged)
        .when()
        .post("/api/events")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(0))
        .body("duplicates", equalTo(1));

    String revised =
        merged
            .replace("\"additions\":10", "\"additions\":12")
            .replace(
                "\"occurredAt\":\"2026-03-03T15:30:00Z\"",
                "\"occurredAt\":\"2026-03-03T15:35:00Z\"");
    given()
        .contentType("application/json")
        .body(revised)
        .when()
        .post("/api/events")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(1))
        .body("revisions", equalTo(1));

    given()
        .get("/api/facts/pull-requests?repo=acme/shop&number=42")
        .then()
        .body("[0].fields.additions", equalTo(12));
    assertEquals(2, db.count("RawEventEntity"));
    assertEquals(1, db.count("FactEntity"));
  }

  @Test
  void aBatchWithOneBadLineIsRefusedWholeAndNamesTheLineAndField() {
    String good = Events.prOpened(REPO, 43, "ana", "2026-03-02T09:00:00Z");
    String bad =
        Events.prMerged(REPO, 43, "ana", "2026-03-03T15:30:00Z", "m43", 5)
            .replace("\"mergedAt\":\"2026-03-03T15:30:00Z\",", "");

    given()
        .contentType("application/x-ndjson")
        .body(Events.ndjson(good, good, bad))
        .when()
        .post("/api/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("line 3: pr.merged data.mergedAt: missing"))
        .body("errors[0].line", equalTo(3))
        .body("errors[0].field", equalTo("data.mergedAt"))
        .body(not(containsString("at io.podometer")));

    assertEquals(0, db.count("RawEventEntity"));
    assertEquals(0, db.count("FactEntity"));
  }

  @Test
  void valuesBeyondTheContractsLimitsAreRefusedBeforeAnythingIsStored() {
    // a 600-character service was once accepted; its scope did not fit the figures' column and
    // every later recomputation and start failed
    String longService =
        Events.deployment("d1", "s".repeat(600), "success", "2026-03-03T10:00:00Z");
    String hugeHours =
        "{\"id\":\"meetings:ana:2026-W10\",\"type\":\"meeting.summary\",\"source\":\"calendar\","
            + "\"occurredAt\":\"2026-03-09T08:00:00Z\",\"schema\":1,"
            + "\"data\":{\"member\":\"ana\",\"week\":\"2026-W10\",\"hours\":1.7e308}}";
    String longSource =
        Events.deployment("d2", "checkout", "success", "2026-03-03T10:00:00Z")
            .replace("\"source\":\"api\"", "\"source\":\"" + "a".repeat(101) + "\"");
    String good = Events.deployment("d3", "checkout", "success", "2026-03-03T11:00:00Z");

    given()
        .contentType("application/x-ndjson")
        .body(Events.ndjson(good, longService, hugeHours, longSource))
        .when()
        .post("/api/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].line", equalTo(2))
        .body("errors[0].field", equalTo("data.service"))
        .body("errors[0].reason", containsString("longer than 256 characters"))
        .body("errors[1].field", equalTo("data.hours"))
        .body("errors[1].reason", containsString("at most 168"))
        .body("errors[2].field", equalTo("source"))
        .body("errors[2].reason", containsString("longer than 100 characters"))
        .body(not(containsString("at io.podometer")));
    assertEquals(0, db.count("RawEventEntity"));

    given().contentType("application/json").body(good).post("/api/events").then().statusCode(202);
    // what was accepted recomputes
    given().post("/api/admin/recompute").then().statusCode(200);
  }

  @Test
  void aMomentBeyondTheHorizonIsRefused() {
    // one deployment of the year 10000 once set "data as of" to that year on every page, for good
    given()
        .contentType("application/json")
        .body(Events.deployment("d10000", "checkout", "success", "+10000-01-01T00:00:00Z"))
        .post("/api/events")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("occurredAt"))
        .body("errors[0].reason", containsString("(now + PT24H)"))
        .body("errors[1].field", equalTo("data.finishedAt"));
    assertEquals(0, db.count("RawEventEntity"));
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNotReplaced() {
    String good = Events.deployment("u1", "checkout", "success", "2026-03-03T10:00:00Z");
    byte[] second =
        Events.deployment("u2", "checkout", "success", "2026-03-03T11:00:00Z")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    second[second.length - 5] = (byte) 0xC3; // starts a two-byte sequence that never ends
    byte[] body =
        (good + "\n" + new String(second, java.nio.charset.StandardCharsets.ISO_8859_1))
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    given()
        .contentType("application/x-ndjson")
        .body(body)
        .post("/api/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].line", equalTo(2))
        .body("errors[0].field", equalTo("body"))
        .body("errors[0].reason", containsString("not valid UTF-8 at byte"));
    given()
        .contentType("application/json")
        .body(second)
        .post("/api/events")
        .then()
        .statusCode(400)
        .body("errors[0].reason", containsString("not valid UTF-8"));
    assertEquals(0, db.count("RawEventEntity"));
  }

  @Test
  void aBodyWithMoreThanOneJsonValueIsRefusedNotCutShort() {
    String one = Events.deployment("d1", "checkout", "success", "2026-03-03T10:00:00Z");
    String two = Events.deployment("d2", "checkout", "success", "2026-03-03T11:00:00Z");
    given()
        .contentType("application/json")
        .body(one + two)
        .post("/api/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("json"));
    given()
        .contentType("application/x-ndjson")
        .body(Events.ndjson(one, two + " trailing"))
        .post("/api/events")
        .then()
        .statusCode(400)
        .body("errors[0].line", equalTo(2));
    assertEquals(0, db.count("RawEventEntity"));
  }

  @Test
  void oversizedBodiesAndBatchesAreRefusedWith413() {
    // the test profile limits bodies to 2 MB and batches to 1,000 events
    String big = "x".repeat(3 * 1024 * 1024);
    // as curl does for large bodies: the client waits for the server's answer before sending the
    // body, so the early 413 is read instead of racing a body the server no longer reads
    given()
        .config(
            io.restassured.RestAssured.config.httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig()
                    .setParam("http.protocol.expect-continue", true)))
        .contentType("application/x-ndjson")
        .body(big)
        .when()
        .post("/api/events")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("this route takes at most 2097152 bytes"));

    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      many.append(Events.prOpened(REPO, 1000 + i, "ana", "2026-03-02T09:00:00Z")).append('\n');
    }
    given()
        .contentType("application/x-ndjson")
        .body(many.toString())
        .when()
        .post("/api/events")
        .then()
        .statusCode(413)
        .body("detail", equalTo("1001 events in one request; the limit is 1000"));
    assertEquals(0, db.count("RawEventEntity"));
  }

  @Test
  void aLimitOrNumberThatIsNotANumberIsA400NamingIt() {
    given()
        .get("/api/facts/pull-requests?repo=acme/shop&limit=abc")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("limit: must be a whole number from 1 to 1000"));
    given()
        .get("/api/facts/pull-requests?repo=acme/shop&number=x1")
        .then()
        .statusCode(400)
        .body("detail", containsString("number: must be a whole number"));
    given().get("/api/admin/audit?limit=1e3").then().statusCode(400);
  }

  @Test
  void unknownFactsAndKindsAre404ProblemsWithoutStackTraces() {
    given()
        .get("/api/facts/pull-requests?repo=acme/none&number=1")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("no fact PULL_REQUEST:acme/none#1"));
    given()
        .get("/api/facts/widgets")
        .then()
        .statusCode(404)
        .body("detail", containsString("no kind of fact called 'widgets'"));
    given()
        .get("/api/facts/pull-requests?number=1")
        .then()
        .statusCode(400)
        .body("detail", equalTo("repo: required"));
  }

  @Test
  void otherKindsOfFactsAreReachableByNaturalKey() {
    String usage =
        "{\"id\":\"usage:copilot:ana@acme.example:2026-03-02\",\"type\":\"agent.usage\","
            + "\"source\":\"copilot\",\"occurredAt\":\"2026-03-02T23:59:59Z\",\"schema\":1,\"data\":"
            + "{\"tool\":\"copilot\",\"user\":\"ana@acme.example\",\"day\":\"2026-03-02\",\"active\":true}}";
    given().contentType("application/json").body(usage).post("/api/events").then().statusCode(202);

    given()
        .get("/api/facts/agent-usage-days")
        .then()
        .statusCode(200)
        .body("key", hasItem("copilot:ana@acme.example:2026-03-02"));
  }

  private static String usagePiece(String id, String at, int linesAdded) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"agent.usage\",\"source\":\"otlp\",\"occurredAt\":\""
        + at
        + "\",\"schema\":1,\"data\":{\"tool\":\"claude_code\",\"user\":\"ana@acme.example\","
        + "\"day\":\"2026-03-02\",\"period\":\"part\",\"linesAdded\":"
        + linesAdded
        + "}}";
  }

  private static int usageLinesAdded() {
    return given()
        .get("/api/facts/agent-usage-days")
        .then()
        .statusCode(200)
        .extract()
        .path("find { it.key == 'claude_code:ana@acme.example:2026-03-02' }.fields.linesAdded");
  }

  @Test
  void usagePiecesAddUpOnceEachAndARevisedPieceReplacesItsOwnContribution() {
    String morning = usagePiece("otlp:s1:0900", "2026-03-02T09:00:00Z", 120);
    given()
        .contentType("application/json")
        .body(morning)
        .post("/api/events")
        .then()
        .statusCode(202);
    // a later piece is added on top of the stored sum
    given()
        .contentType("application/json")
        .body(usagePiece("otlp:s1:1200", "2026-03-02T12:00:00Z", 30))
        .post("/api/events")
        .then()
        .statusCode(202);
    assertEquals(150, usageLinesAdded()); // 120 + 30
    // an earlier piece arriving late, and the morning piece sent again in the same batch
    given()
        .contentType("application/x-ndjson")
        .body(Events.ndjson(usagePiece("otlp:s0:0800", "2026-03-02T08:00:00Z", 5), morning))
        .post("/api/events")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(1))
        .body("duplicates", equalTo(1));
    assertEquals(155, usageLinesAdded()); // 120 + 30 + 5
    // the noon piece revised (same id, later): its 30 becomes 45
    given()
        .contentType("application/json")
        .body(usagePiece("otlp:s1:1200", "2026-03-02T12:05:00Z", 45))
        .post("/api/events")
        .then()
        .statusCode(202)
        .body("revisions", equalTo(1));
    assertEquals(170, usageLinesAdded()); // 120 + 45 + 5
    assertEquals(1, db.count("FactEntity"));
  }

  @Test
  void aWholeDaysReportStandsOverTheDaysPartsWhicheverComesFirst() {
    given()
        .contentType("application/json")
        .body(usagePiece("otlp:s1:0900", "2026-03-02T09:00:00Z", 30))
        .post("/api/events")
        .then()
        .statusCode(202);
    assertEquals(30, usageLinesAdded());
    // the vendor's report of the whole day: it replaces the parts summed so far
    String report =
        usagePiece("usage:claude_code:ana@acme.example:2026-03-02", "2026-03-02T23:59:59Z", 90)
            .replace("\"period\":\"part\",", "");
    given().contentType("application/json").body(report).post("/api/events").then().statusCode(202);
    assertEquals(90, usageLinesAdded());
    // a part arriving after the report adds nothing to it
    given()
        .contentType("application/json")
        .body(usagePiece("otlp:s1:2359", "2026-03-03T00:30:00Z", 7))
        .post("/api/events")
        .then()
        .statusCode(202);
    assertEquals(90, usageLinesAdded());
  }

  @Test
  void identitiesThatMapToNoMemberAreListedNotDropped() {
    String batch =
        Events.ndjson(
            Events.prMerged(REPO, 50, "stranger", "2026-03-03T15:30:00Z", "m50", 5),
            Events.prMerged(REPO, 51, "copilot-swe-agent[bot]", "2026-03-03T15:30:00Z", "m51", 5),
            Events.prMerged(REPO, 52, "dependabot[bot]", "2026-03-03T15:30:00Z", "m52", 5));
    given()
        .contentType("application/x-ndjson")
        .body(batch)
        .post("/api/events")
        .then()
        .statusCode(202);

    given()
        .get("/api/org/unmapped-identities")
        .then()
        .statusCode(200)
        .body("stranger", equalTo(1))
        .body("size()", equalTo(1));
  }
}
