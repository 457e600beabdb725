package io.podometer.web;

import static io.podometer.web.TestHttp.anonymous;
import static io.podometer.web.TestHttp.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent pointed at Podometer with OTEL_EXPORTER_OTLP_ENDPOINT and an ingest token in
 * OTEL_EXPORTER_OTLP_HEADERS: its exports, JSON or protobuf, gzipped or not, become its users'
 * usage days at once; an export sent again counts once; OTLP's answers for what is wrong.
 */
@QuarkusTest
class OtlpReceiverIT {

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

  private String ingest;

  @BeforeEach
  void load() {
    db.resetAll();
    given()
        .contentType("application/yaml")
        .body(MetricsApiIT.ORG)
        .put("/api/org")
        .then()
        .statusCode(200);
    ingest = AccessControlIT.token("otel-" + System.nanoTime(), "ingest");
  }

  /** A delta export of Claude Code's lines counter, as its exporter writes OTLP JSON. */
  static String export(String email, int added, String timeNanos) {
    String user =
        email == null
            ? ""
            : "{\"key\":\"user.email\",\"value\":{\"stringValue\":\"" + email + "\"}},";
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
        + "\"value\":{\"stringValue\":\"claude-code\"}}]},\"scopeMetrics\":[{\"scope\":{\"name\":"
        + "\"com.anthropic.claude_code\",\"version\":\"2.0.14\"},\"metrics\":[{\"name\":"
        + "\"claude_code.lines_of_code.count\",\"unit\":\"count\",\"sum\":{"
        + "\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[{\"attributes\":["
        + user
        + "{\"key\":\"session.id\",\"value\":{\"stringValue\":\"s-1\"}},"
        + "{\"key\":\"type\",\"value\":{\"stringValue\":\"added\"}}],"
        + "\"startTimeUnixNano\":\"1772442000000000000\",\"timeUnixNano\":\""
        + timeNanos
        + "\",\"asDouble\":"
        + added
        + "}]}}]}]}]}";
  }

  private static Integer anasLines() {
    return given()
        .get("/api/facts/agent-usage-days")
        .then()
        .statusCode(200)
        .extract()
        .path("find { it.key == 'claude_code:ana@acme.example:2026-03-02' }.fields.linesAdded");
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void exportsInEitherEncodingBecomeUsageDaysAndOneSentAgainCountsOnce() throws IOException {
    String first = export("ana@acme.example", 120, "1772442060000000000");
    withToken(ingest)
        .contentType("application/json")
        .body(first)
        .post("/v1/metrics")
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"));
    assertEquals(120, anasLines());
    withToken(ingest)
        .contentType("application/json")
        .body(first)
        .post("/v1/metrics")
        .then()
        .statusCode(200);
    assertEquals(120, anasLines(), "the same export again is a duplicate");

    // the next minute's export, as protobuf and gzipped
    ExportMetricsServiceRequest.Builder next = ExportMetricsServiceRequest.newBuilder();
    JsonFormat.parser().merge(export("ana@acme.example", 30, "1772442120000000000"), next);
    byte[] answer =
        withToken(ingest)
            .contentType("application/x-protobuf")
            .header("Content-Encoding", "gzip")
            .body(gzip(next.build().toByteArray()))
            .post("/v1/metrics")
            .then()
            .statusCode(200)
            .contentType("application/x-protobuf")
            .extract()
            .asByteArray();
    assertFalse(ExportMetricsServiceResponse.parseFrom(answer).hasPartialSuccess());
    assertEquals(150, anasLines()); // 120 + 30
  }

  @Test
  void aPointNamingNoOneIsRejectedAsAPartialSuccess() {
    withToken(ingest)
        .contentType("application/json")
        .body(export(null, 5, "1772442060000000000"))
        .post("/v1/metrics")
        .then()
        .statusCode(200)
        .body("partialSuccess.rejectedDataPoints", equalTo("1"))
        .body("partialSuccess.errorMessage", containsString("user.email"));
  }

  @Test
  void aPermissionBypassArrivesThroughTheLogs() {
    String logs =
        "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
            + "{\"stringValue\":\"claude-code\"}}]},\"scopeLogs\":[{\"scope\":{\"name\":"
            + "\"com.anthropic.claude_code.events\"},\"logRecords\":[{\"timeUnixNano\":"
            + "\"1772442040000000000\",\"body\":{\"stringValue\":"
            + "\"claude_code.permission_mode_changed\"},\"attributes\":[{\"key\":\"user.email\","
            + "\"value\":{\"stringValue\":\"ana@acme.example\"}},{\"key\":\"event.name\",\"value\":"
            + "{\"stringValue\":\"permission_mode_changed\"}},{\"key\":\"to_mode\",\"value\":"
            + "{\"stringValue\":\"bypassPermissions\"}}]}]}]}]}";
    withToken(ingest)
        .contentType("application/json")
        .body(logs)
        .post("/v1/logs")
        .then()
        .statusCode(200);
    Integer bypasses =
        given()
            .get("/api/facts/agent-usage-days")
            .then()
            .extract()
            .path(
                "find { it.key == 'claude_code:ana@acme.example:2026-03-02' }"
                    + ".fields.permissionBypasses");
    assertEquals(1, bypasses);
  }

  @Test
  void theSourcesPageShowsEachAgentsFreshnessAndGaps() {
    java.time.Instant now = java.time.Instant.now();
    String today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).toString();
    String yesterday =
        java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(1).toString();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    withToken(ingest)
        .contentType("application/json")
        .body(
            export("ana@acme.example", 12, Long.toString(nanos))
                .replace("1772442000000000000", Long.toString(nanos - 60_000_000_000L)))
        .post("/v1/metrics")
        .then()
        .statusCode(200);
    // Copilot's report of yesterday for bo: a whole day
    given()
        .contentType("application/json")
        .body(
            "{\"id\":\"usage:copilot:bo-k:"
                + yesterday
                + "\",\"type\":\"agent.usage\","
                + "\"source\":\"copilot\",\"occurredAt\":\""
                + yesterday
                + "T23:59:59Z\","
                + "\"schema\":1,\"data\":{\"tool\":\"copilot\",\"user\":\"bo-k\",\"day\":\""
                + yesterday
                + "\",\"active\":true,\"linesAdded\":3}}")
        .post("/api/events")
        .then()
        .statusCode(202);
    // the organization's own totals of yesterday (no one told apart), and of the day before, with
    // no one active: reported, not a gap
    String dayBefore =
        java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(2).toString();
    for (String[] day : new String[][] {{yesterday, "14"}, {dayBefore, "0"}}) {
      given()
          .contentType("application/json")
          .body(
              "{\"id\":\"org-usage:copilot:acme:"
                  + day[0]
                  + "\",\"type\":\"agent.org_usage\",\"source\":\"copilot\",\"occurredAt\":\""
                  + day[0]
                  + "T23:59:59Z\",\"schema\":1,\"data\":{\"tool\":\"copilot\",\"account\":\"acme\","
                  + "\"day\":\""
                  + day[0]
                  + "\",\"activeUsers\":"
                  + day[1]
                  + "}}")
          .post("/api/events")
          .then()
          .statusCode(202);
    }
    db.awaitFigures();
    io.restassured.path.json.JsonPath sources =
        given().get("/api/sources/telemetry").then().statusCode(200).extract().jsonPath();
    assertEquals(3, sources.getList("$").size());
    String organization =
        "find { it.arrivesAs == 'organization totals of acme (people: the most active in a day)' }";
    assertEquals(yesterday, sources.getString(organization + ".newestDay"));
    assertEquals(14, sources.getInt(organization + ".people"));
    assertEquals(28, sources.getInt(organization + ".gaps"));
    assertEquals(0, sources.getInt(organization + ".days[28].people"));
    assertEquals(true, sources.getBoolean(organization + ".days[28].reported"));
    assertEquals(false, sources.getBoolean(organization + ".days[27].reported"));
    String claude = "find { it.tool == 'claude_code' }";
    assertEquals("OpenTelemetry exports", sources.getString(claude + ".arrivesAs"));
    assertEquals(today, sources.getString(claude + ".newestDay"));
    assertEquals(1, sources.getInt(claude + ".people"));
    assertEquals(29, sources.getInt(claude + ".gaps")); // 30 days, data on today's alone
    assertEquals(30, sources.getList(claude + ".days").size());
    assertEquals(1, sources.getInt(claude + ".days[29].people"));
    String copilot = "find { it.arrivesAs == 'daily reports' }";
    assertEquals("daily reports", sources.getString(copilot + ".arrivesAs"));
    assertEquals(yesterday, sources.getString(copilot + ".newestDay"));
    // a daily report exists once its day is over: its 30 days end yesterday
    assertEquals(yesterday, sources.getString(copilot + ".days[29].day"));
    assertEquals(1, sources.getInt(copilot + ".days[29].people"));
    assertEquals(29, sources.getInt(copilot + ".gaps"));
    // who uses Claude Code is an admin's to see: not an ingest token's, not anyone's
    withToken(ingest).get("/api/sources/telemetry").then().statusCode(403);
    anonymous().get("/api/sources/telemetry").then().statusCode(401);
  }

  @Test
  void whatIsNotAnExportIsRefusedAndOnlyIngestionMayPost() throws IOException {
    withToken(ingest)
        .contentType("application/x-protobuf")
        .body(new byte[] {0x0a, (byte) 0xff, 0x01})
        .post("/v1/metrics")
        .then()
        .statusCode(400)
        .body("detail", containsString("not an OTLP protobuf export"));
    withToken(ingest)
        .contentType("application/json")
        .body("{\"resourceMetrics\":[{\"resource\":7}]}")
        .post("/v1/metrics")
        .then()
        .statusCode(400)
        .body("detail", containsString("not an OTLP JSON export"));
    withToken(ingest)
        .contentType("application/json")
        .header("Content-Encoding", "gzip")
        .body("{}".getBytes(StandardCharsets.UTF_8))
        .post("/v1/metrics")
        .then()
        .statusCode(400)
        .body("detail", containsString("not gzip"));
    withToken(ingest)
        .contentType("application/json")
        .header("Content-Encoding", "br")
        .body("{}")
        .post("/v1/metrics")
        .then()
        .statusCode(415);
    // a gzip bomb: small as sent, over the limit (64 KB in tests) once inflated
    withToken(ingest)
        .contentType("application/json")
        .header("Content-Encoding", "gzip")
        .body(gzip(new byte[1 << 20]))
        .post("/v1/metrics")
        .then()
        .statusCode(413)
        .body("detail", containsString("once inflated"));
    withToken(ingest)
        .contentType("application/json")
        .body(new byte[70 * 1024])
        .post("/v1/metrics")
        .then()
        .statusCode(413);
    String read = AccessControlIT.token("otel-read-" + System.nanoTime(), "read");
    withToken(read)
        .contentType("application/json")
        .body("{}")
        .post("/v1/metrics")
        .then()
        .statusCode(403);
    anonymous()
        .contentType("application/json")
        .body("{}")
        .post("/v1/metrics")
        .then()
        .statusCode(401);
    assertEquals(0, db.count("RawEventEntity"), "nothing stored");
  }
}
