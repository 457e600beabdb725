package io.podometer.connectors.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The report command: what it asks the server, what it prints, and how it fails. */
class ReportCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<HttpRequest> asked = new ArrayList<>();
  private static final Map<String, String> ENV =
      Map.of("PODOMETER_TOKEN", "pdm_test", "PODOMETER_URL", "http://podometer.example:8080/");

  private int run(Function<HttpRequest, ReportCommand.Answer> server, String... args) {
    return ReportCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        ENV,
        request -> {
          asked.add(request);
          return server.apply(request);
        });
  }

  @Test
  void printsTheReportTheServerAnswersForTheWeekAndScopeAsked() {
    int code =
        run(
            r -> new ReportCommand.Answer(200, "# Weekly learn-and-kill report — Acme, 2026-W47"),
            "weekly",
            "--week",
            "2026-W47",
            "--scope",
            "pod:checkout",
            "--format",
            "md");
    assertEquals(0, code);
    assertEquals(
        "# Weekly learn-and-kill report — Acme, 2026-W47\n", out.toString(StandardCharsets.UTF_8));
    assertEquals(
        "http://podometer.example:8080/api/reports/weekly?format=md&week=2026-W47&scope=pod%3Acheckout",
        asked.get(0).uri().toString());
    assertEquals(
        "Bearer pdm_test", asked.get(0).headers().firstValue("Authorization").orElseThrow());
  }

  @Test
  void saysWhatTheServerRefusedAndExitsWithOne() {
    int code =
        run(
            r ->
                new ReportCommand.Answer(
                    400, "{\"status\":400,\"detail\":\"week: 2026-W50 has not ended\"}"),
            "weekly",
            "--week",
            "2026-W50");
    assertEquals(1, code);
    assertEquals(
        "report: the server refused (400): week: 2026-W50 has not ended\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnreachableServerOrABadUsageSaysSo() {
    assertEquals(1, run(r -> null, "weekly"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("cannot reach http://podometer.example:8080/"));
    assertEquals(2, run(r -> null, "monthly"));
    assertEquals(2, run(r -> null, "weekly", "--week"));
    assertEquals(2, run(r -> null, "weekly", "--colour", "red"));
    assertEquals(1, asked.size(), "bad usage asks the server nothing");
  }
}
