package io.podometer.web;

import static io.podometer.web.TestHttp.anonymous;
import static io.podometer.web.TestHttp.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agent Trace records posted as an agent's hook would: the lines they attribute to AI become the
 * commit's line-level authorship in the figures; a bad record is refused whole, naming record and
 * field; only the rights of ingestion may post.
 */
@QuarkusTest
class AgentTraceIT {

  static {
    TestHttp.init();
  }

  private static final String SHA = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";

  @Inject TestDatabase db;

  // MetricsApiIT's organization: checkout-api belongs to pod checkout; ana writes 100 lines in
  // PR #9, merged 2026-03-17 (W12), with no sign of an agent but the trace
  @BeforeEach
  void load() {
    db.resetAll();
    given()
        .contentType("application/yaml")
        .body(MetricsApiIT.ORG)
        .put("/api/org")
        .then()
        .statusCode(200);
    db.awaitFigures();
    Events.send(
        Events.prOpened(MetricsApiIT.CO, 9, "ana-l", "2026-03-16T08:30:00Z"),
        Events.commit(
            MetricsApiIT.CO, SHA, "ana@acme.example", "2026-03-16T08:00:00Z", 100, 9, null),
        Events.prMerged(MetricsApiIT.CO, 9, "ana-l", "2026-03-17T15:00:00Z", SHA, 100),
        // bo and cy write 50 lines each by hand that week: three people, over the privacy floor
        Events.prOpened(MetricsApiIT.CO, 10, "bo-k", "2026-03-16T09:30:00Z"),
        Events.commit(
            MetricsApiIT.CO, "b10", "bo@acme.example", "2026-03-16T09:00:00Z", 50, 10, null),
        Events.prMerged(MetricsApiIT.CO, 10, "bo-k", "2026-03-17T16:00:00Z", "b10", 50),
        Events.prOpened(MetricsApiIT.CO, 11, "cy-m", "2026-03-16T10:30:00Z"),
        Events.commit(
            MetricsApiIT.CO, "c11", "cy@acme.example", "2026-03-16T10:00:00Z", 50, 11, null),
        Events.prMerged(MetricsApiIT.CO, 11, "cy-m", "2026-03-17T17:00:00Z", "c11", 50));
    db.awaitFigures();
  }

  /** A record as the reference hook writes it: one conversation of the session, its ranges. */
  private static String record(String id, String ranges) {
    return "{\"version\":\"1.0\",\"id\":\""
        + id
        + "\",\"timestamp\":\"2026-03-16T07:59:00Z\",\"vcs\":{\"type\":\"git\",\"revision\":\""
        + SHA
        + "\"},\"tool\":{\"name\":\"claude-code\"},\"files\":[{\"path\":\"src/x"
        + SHA
        + ".py\",\"conversations\":[{\"contributor\":{\"type\":\"ai\",\"model_id\":"
        + "\"anthropic/claude-sonnet-4-5\"},\"ranges\":["
        + ranges
        + "]}]}]}";
  }

  /** Posts {@code body} as a hook would, for {@code repo} (null: no repo parameter). */
  private static io.restassured.response.Response post(
      io.restassured.specification.RequestSpecification as, String repo, byte[] body) {
    as.contentType("application/x-ndjson");
    if (repo != null) {
      as.queryParam("repo", repo);
    }
    return as.body(body).post("/api/sources/agent-trace");
  }

  private static io.restassured.response.Response post(
      io.restassured.specification.RequestSpecification as, String body) {
    return post(as, "acme/checkout-api", body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonPath share() {
    return given()
        .get(
            "/api/metrics?scope=repo:acme/checkout-api&metric=ai_code_share&from=2026-W12"
                + "&to=2026-W12")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aHooksRecordsBecomeTheCommitsLineLevelAuthorship() {
    String ingest = AccessControlIT.token("trace-ingest", "ingest");
    // 1..30 and 21..40 of one file: 40 lines of 100
    String jsonl =
        record("r1", "{\"start_line\":1,\"end_line\":30}")
            + "\n"
            + record("r2", "{\"start_line\":21,\"end_line\":40}")
            + "\n";
    post(withToken(ingest), jsonl)
        .then()
        .statusCode(200)
        .body("records", equalTo(2))
        .body("commits", equalTo(1))
        .body("accepted", equalTo(1));
    db.awaitFigures();
    JsonPath figures = share();
    // 40 AI lines of the 100 + 50 + 50 added that week: 40 / 200 = 0.2, all of it exact
    // (line-level)
    String week = "metrics[0].figures[0]";
    org.junit.jupiter.api.Assertions.assertEquals(0.2, figures.getDouble(week + ".value"), 1e-9);
    org.junit.jupiter.api.Assertions.assertEquals(0.2, figures.getDouble(week + ".exact"), 1e-9);
    org.junit.jupiter.api.Assertions.assertEquals(
        0.2, figures.getDouble(week + ".bySource.line"), 1e-9);
    // the same records again store nothing twice
    post(withToken(ingest), jsonl)
        .then()
        .statusCode(200)
        .body("accepted", equalTo(0))
        .body("duplicates", equalTo(1));
  }

  @Test
  void aBadRecordIsRefusedWholeAndOnlyIngestionMayPost() {
    String ingest = AccessControlIT.token("trace-ingest-2", "ingest");
    String read = AccessControlIT.token("trace-read", "read");
    String jsonl =
        record("good", "{\"start_line\":1,\"end_line\":30}")
            + "\n"
            + record("bad", "{\"start_line\":9,\"end_line\":4}")
            + "\n";
    post(withToken(ingest), jsonl)
        .then()
        .statusCode(400)
        .body(
            "detail",
            containsString(
                "record 2 (line 2), id bad: files[0].conversations[0].ranges[0].end_line: 4 is"
                    + " before start_line 9; nothing was stored"));
    org.junit.jupiter.api.Assertions.assertEquals(
        0.0, share().getDouble("metrics[0].figures[0].value"), 1e-9);
    post(
            withToken(ingest),
            null,
            record("r", "{\"start_line\":1,\"end_line\":3}").getBytes(StandardCharsets.UTF_8))
        .then()
        .statusCode(400)
        .body("detail", containsString("repo: missing"));
    post(withToken(ingest), "acme/checkout-api", new byte[] {'[', (byte) 0xC3, '"', ']'})
        .then()
        .statusCode(400)
        .body("detail", containsString("UTF-8"));
    post(withToken(read), record("r", "{\"start_line\":1,\"end_line\":3}")).then().statusCode(403);
    // over PODOMETER_LIMITS_AGENT_TRACE_BODY (64 KB in tests): refused before it is read
    StringBuilder large = new StringBuilder();
    while (large.length() <= 64 * 1024) {
      large.append(record("r" + large.length(), "{\"start_line\":1,\"end_line\":3}")).append('\n');
    }
    post(withToken(ingest), large.toString())
        .then()
        .statusCode(413)
        .body("detail", containsString("this route takes at most 65536 bytes"));
    post(anonymous(), record("r", "{\"start_line\":1,\"end_line\":3}")).then().statusCode(401);
  }
}
