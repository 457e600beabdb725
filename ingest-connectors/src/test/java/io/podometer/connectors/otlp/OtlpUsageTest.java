package io.podometer.connectors.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Claude Code's exports (shaped as its OpenTelemetry exporter sends them: OTLP JSON, standard
 * attributes on every point) and another agent's GenAI metrics, as usage days.
 */
class OtlpUsageTest {

  private static final long TRACKING_SINCE = 1_772_400_000_000_000_000L; // 2026-03-01T21:20Z

  private static OtlpUsage usage(ZoneId zone) {
    return new OtlpUsage(
        UsageMetricMap.withClaudeCode("gen_ai.client.token.usage=tokens"),
        new CumulativeSeries(TRACKING_SINCE, 1000),
        zone);
  }

  static String resource(String name) {
    try (InputStream in = OtlpUsageTest.class.getResourceAsStream("/otlp/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ExportMetricsServiceRequest metrics(String json) throws IOException {
    ExportMetricsServiceRequest.Builder builder = ExportMetricsServiceRequest.newBuilder();
    JsonFormat.parser().ignoringUnknownFields().merge(json, builder);
    return builder.build();
  }

  private static EventData.AgentUsage data(CanonicalEvent event) {
    return (EventData.AgentUsage) event.data();
  }

  private static CanonicalEvent of(List<CanonicalEvent> events, String user) {
    return events.stream().filter(e -> data(e).user().equals(user)).findFirst().orElseThrow();
  }

  @Test
  void aDeltaExportGivesEachPersonsDayItsCounters() throws IOException {
    OtlpUsage.Read read =
        usage(ZoneOffset.UTC).metrics(metrics(resource("claude-code-metrics-delta.json")));
    assertEquals(2, read.events().size(), "Ana's day and Bo's");
    EventData.AgentUsage ana = data(of(read.events(), "ana@acme.example"));
    assertEquals("claude_code", ana.tool());
    assertEquals("2026-03-02", ana.day().toString());
    assertEquals(1, ana.sessions());
    assertEquals(120, ana.linesAdded());
    assertEquals(8, ana.linesRemoved());
    assertEquals(1, ana.commits());
    assertEquals(44_200L, ana.tokens()); // 3,000 input + 1,200 output + 40,000 cache read
    assertEquals(0.5, ana.costUsd()); // 0.42 sonnet + 0.08 haiku
    assertEquals(7, ana.editAccepts()); // 5 Edit + 2 MultiEdit
    assertEquals(1, ana.editRejects());
    assertEquals(300.5, ana.activeSeconds());
    assertTrue(ana.active());
    // Bo has no e-mail: his account uuid names him
    EventData.AgentUsage bo = data(of(read.events(), "9f1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3"));
    assertEquals(40, bo.linesAdded());
    assertNull(bo.sessions(), "no session point: none, not 0");
    // the point naming nobody is rejected, and said so
    assertEquals(1, read.rejected());
    assertTrue(read.problem().contains("user.email"), read.problem());
  }

  @Test
  void theDayIsTheOrganizationsDay() throws IOException {
    // Bo's lines at 23:30 UTC are on 3 March in Paris
    OtlpUsage.Read read =
        usage(ZoneId.of("Europe/Paris"))
            .metrics(metrics(resource("claude-code-metrics-delta.json")));
    assertEquals(
        "2026-03-03",
        data(of(read.events(), "9f1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3")).day().toString());
  }

  @Test
  void theSameExportSentAgainGivesTheSameEventsAndAnotherExportOthers() throws IOException {
    OtlpUsage reader = usage(ZoneOffset.UTC);
    String json = resource("claude-code-metrics-delta.json");
    List<CanonicalEvent> first = reader.metrics(metrics(json)).events();
    List<CanonicalEvent> again = reader.metrics(metrics(json)).events();
    assertEquals(first, again, "same ids, same payloads: duplicates for the store");
    List<CanonicalEvent> next =
        reader
            .metrics(metrics(json.replace("1772442060000000000", "1772442120000000000")))
            .events();
    assertNotEquals(
        of(first, "ana@acme.example").id(),
        of(next, "ana@acme.example").id(),
        "the next minute's export is a new piece");
  }

  private static String cumulative(long value, String start, String time) {
    return resource("claude-code-metrics-cumulative.json")
        .replace("\"START\"", "\"" + start + "\"")
        .replace("\"T\"", "\"" + time + "\"")
        .replace("\"10\"", "\"" + value + "\"");
  }

  /** The lines an export adds, the export then stored (its cumulative points kept). */
  private static Integer linesAdded(OtlpUsage reader, String json) throws IOException {
    OtlpUsage.Read read = reader.metrics(metrics(json));
    read.commit().run();
    return read.events().isEmpty() ? null : data(read.events().get(0)).linesAdded();
  }

  @Test
  void anExportTheStoreDidNotTakeCountsInFullWhenSentAgain() throws IOException {
    OtlpUsage reader = usage(ZoneOffset.UTC);
    String start = "1772442000000000000";
    assertEquals(100, linesAdded(reader, cumulative(100, start, "1772442060000000000")));
    String next = cumulative(250, start, "1772442120000000000");
    reader.metrics(metrics(next)); // read, but the store failed: not committed
    assertEquals(150, linesAdded(reader, next)); // 250 − 100, when the exporter retries
  }

  @Test
  void aSeriesForgottenForRoomOnlySetsItsBaselineWhenItReturns() throws IOException {
    OtlpUsage reader =
        new OtlpUsage(
            UsageMetricMap.withClaudeCode(""),
            new CumulativeSeries(TRACKING_SINCE, 1),
            ZoneOffset.UTC);
    String start = "1772442000000000000";
    assertEquals(10, linesAdded(reader, cumulative(10, start, "1772442060000000000")));
    // another series takes the only place: the first is forgotten
    assertEquals(
        7,
        linesAdded(
            reader,
            cumulative(7, "1772442030000000000", "1772442090000000000")
                .replace("ana@acme.example", "bo@acme.example")));
    assertNull(
        linesAdded(reader, cumulative(12, start, "1772442120000000000")),
        "not its whole 12 again: only a baseline");
    assertEquals(3, linesAdded(reader, cumulative(15, start, "1772442180000000000"))); // 15 − 12
  }

  @Test
  void cumulativePointsBecomeIncreasesAndAResetIsNeverNegative() throws IOException {
    OtlpUsage reader = usage(ZoneOffset.UTC);
    String start = "1772442000000000000"; // after tracking began: the whole run is seen
    assertEquals(10, linesAdded(reader, cumulative(10, start, "1772442060000000000")));
    assertEquals(15, linesAdded(reader, cumulative(25, start, "1772442120000000000"))); // 25 − 10
    assertNull(linesAdded(reader, cumulative(25, start, "1772442120000000000")), "sent again");
    assertEquals(4, linesAdded(reader, cumulative(4, start, "1772442180000000000"))); // reset
    // a new start is a new run, counted from zero
    assertEquals(
        3, linesAdded(reader, cumulative(3, "1772442170000000000", "1772442240000000000")));
  }

  @Test
  void aCumulativeRunThatBeganBeforeTrackingOnlySetsItsBaseline() throws IOException {
    OtlpUsage reader = usage(ZoneOffset.UTC);
    String before = "1772300000000000000"; // 28 Feb, before the receiver started
    assertNull(linesAdded(reader, cumulative(500, before, "1772442060000000000")));
    assertEquals(
        20, linesAdded(reader, cumulative(520, before, "1772442120000000000"))); // 520 − 500
  }

  @Test
  void aPermissionBypassIsASecuritySignalAndOtherEventsAddNothing() throws IOException {
    ExportLogsServiceRequest.Builder builder = ExportLogsServiceRequest.newBuilder();
    JsonFormat.parser().ignoringUnknownFields().merge(resource("claude-code-logs.json"), builder);
    OtlpUsage.Read read = usage(ZoneOffset.UTC).logs(builder.build());
    assertEquals(1, read.events().size());
    EventData.AgentUsage ana = data(read.events().get(0));
    assertEquals("ana@acme.example", ana.user());
    assertEquals(1, ana.permissionBypasses()); // to bypassPermissions, not back to default
    assertNull(ana.active(), "a mode change alone is not use");
    assertEquals(1, read.rejected(), "the bypass of no one");
  }

  @Test
  void aSumWithoutTemporalityIsRejectedAndAGaugeIsNotUsage() throws IOException {
    String json = resource("claude-code-metrics-delta.json");
    // the session count without its temporality: 1 point that cannot be counted
    String unspecified =
        json.replaceFirst("\"aggregationTemporality\": 1", "\"aggregationTemporality\": 0");
    OtlpUsage.Read read = usage(ZoneOffset.UTC).metrics(metrics(unspecified));
    assertNull(data(of(read.events(), "ana@acme.example")).sessions());
    assertEquals(2, read.rejected()); // that point, and the point naming nobody
    assertTrue(
        read.problem().contains("aggregationTemporality unspecified")
            || read.problem().contains("user.email"),
        read.problem());
    // the lines counter as a gauge: a level, not usage that adds up
    int lines = json.indexOf("\"name\": \"claude_code.lines_of_code.count\"");
    int sum = json.indexOf("\"sum\"", lines);
    String gauge = json.substring(0, sum) + "\"gauge\"" + json.substring(sum + "\"sum\"".length());
    EventData.AgentUsage ana =
        data(of(usage(ZoneOffset.UTC).metrics(metrics(gauge)).events(), "ana@acme.example"));
    assertNull(ana.linesAdded());
    assertEquals(1, ana.sessions(), "the other counters still count");
  }

  @Test
  void anotherAgentsGenAiTokensGoThroughTheNameMapUnderItsServiceName() throws IOException {
    OtlpUsage.Read read =
        usage(ZoneOffset.UTC).metrics(metrics(resource("genai-token-usage.json")));
    EventData.AgentUsage cy = data(read.events().get(0));
    assertEquals("aider", cy.tool());
    assertEquals("cy@acme.example", cy.user());
    assertEquals(1950L, cy.tokens()); // histogram sums: 1,500 input + 450 output
  }

  @Test
  void aMetricMapEntryThatIsNotAUsageCounterIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UsageMetricMap.parse("gen_ai.x=tokenz"));
    assertTrue(e.getMessage().contains("tokenz is not a usage counter"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> UsageMetricMap.parse("a[b]=tokens"));
    assertEquals(
        "m[kind=in]=tokens", UsageMetricMap.parse(" m[kind=in]=tokens ").get(0).toString());
  }
}
