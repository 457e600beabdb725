package io.podometer.web;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry Java SDK's own OTLP/HTTP exporters (protobuf, gzip, the token in their
 * headers), set up as Claude Code's are, posting to the receiver: what they export is what the
 * usage day says.
 */
@QuarkusTest
class OpenTelemetryExporterIT {

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

  private String token;
  private final Resource claudeCode =
      Resource.getDefault()
          .merge(Resource.create(Attributes.of(stringKey("service.name"), "claude-code")));
  private final Attributes ana =
      Attributes.of(stringKey("user.email"), "ana@acme.example", stringKey("type"), "added");

  @BeforeEach
  void load() {
    db.resetAll();
    given()
        .contentType("application/yaml")
        .body(MetricsApiIT.ORG)
        .put("/api/org")
        .then()
        .statusCode(200);
    token = AccessControlIT.token("sdk-" + System.nanoTime(), "ingest");
  }

  private String endpoint(String signal) {
    return "http://localhost:" + RestAssured.port + "/v1/" + signal;
  }

  private static Number usage(String field) {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    return given()
        .get("/api/facts/agent-usage-days")
        .then()
        .statusCode(200)
        .extract()
        .path("find { it.key == 'claude_code:ana@acme.example:" + today + "' }.fields." + field);
  }

  /**
   * Flushes until the reader takes it: a periodic reader refuses a flush ("exporter busy") until
   * its previous export's completion has been handled, which can trail the result it returned —
   * nothing is collected or lost by a refused flush.
   */
  private static void flushed(java.util.function.Supplier<CompletableResultCode> flush) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!flush.get().join(20, TimeUnit.SECONDS).isSuccess()) {
      assertTrue(System.nanoTime() < deadline, "the receiver took the export");
      Thread.onSpinWait();
    }
  }

  private SdkMeterProvider meters(
      AggregationTemporalitySelector temporality, PeriodicMetricReader[] reader) {
    OtlpHttpMetricExporter exporter =
        OtlpHttpMetricExporter.builder()
            .setEndpoint(endpoint("metrics"))
            .addHeader("Authorization", "Bearer " + token)
            .setCompression("gzip")
            .setAggregationTemporalitySelector(temporality)
            .build();
    reader[0] = PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build();
    return SdkMeterProvider.builder()
        .setResource(claudeCode)
        .registerMetricReader(reader[0])
        .build();
  }

  /** Claude Code's lines counter, as its instrumentation scope names it. */
  private static DoubleCounter linesOfCode(SdkMeterProvider provider) {
    return provider
        .get("com.anthropic.claude_code")
        .counterBuilder("claude_code.lines_of_code.count")
        .ofDoubles()
        .build();
  }

  @Test
  void deltaExportsAddUp() {
    PeriodicMetricReader[] reader = new PeriodicMetricReader[1];
    try (SdkMeterProvider provider =
        meters(AggregationTemporalitySelector.deltaPreferred(), reader)) {
      DoubleCounter lines = linesOfCode(provider);
      lines.add(42, ana);
      flushed(reader[0]::forceFlush);
      assertEquals(42, usage("linesAdded").intValue());
      lines.add(8, ana);
      flushed(reader[0]::forceFlush);
      assertEquals(50, usage("linesAdded").intValue()); // 42 + 8
    }
  }

  @Test
  void cumulativeExportsCountTheirIncreases() {
    PeriodicMetricReader[] reader = new PeriodicMetricReader[1];
    try (SdkMeterProvider provider =
        meters(AggregationTemporalitySelector.alwaysCumulative(), reader)) {
      DoubleCounter lines = linesOfCode(provider);
      lines.add(10, ana);
      flushed(reader[0]::forceFlush);
      lines.add(5, ana);
      flushed(reader[0]::forceFlush); // the series says 15: 5 more
      flushed(reader[0]::forceFlush); // still 15: nothing more
      assertEquals(15, usage("linesAdded").intValue());
    }
  }

  @Test
  void aPermissionBypassLoggedAsClaudeCodeDoesCounts() {
    OtlpHttpLogRecordExporter exporter =
        OtlpHttpLogRecordExporter.builder()
            .setEndpoint(endpoint("logs"))
            .addHeader("Authorization", "Bearer " + token)
            .build();
    try (SdkLoggerProvider loggers =
        SdkLoggerProvider.builder()
            .setResource(claudeCode)
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
            .build()) {
      loggers
          .get("com.anthropic.claude_code.events")
          .logRecordBuilder()
          .setBody("claude_code.permission_mode_changed")
          .setAllAttributes(
              Attributes.of(
                  stringKey("user.email"), "ana@acme.example",
                  stringKey("event.name"), "permission_mode_changed",
                  stringKey("to_mode"), "bypassPermissions"))
          .emit();
      flushed(loggers::forceFlush);
      assertEquals(1, usage("permissionBypasses").intValue());
    }
  }
}
