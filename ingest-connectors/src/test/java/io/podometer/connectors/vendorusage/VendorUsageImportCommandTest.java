package io.podometer.connectors.vendorusage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./podometer import claude-code|cursor} against stand-ins for the vendors' APIs (pages
 * followed by their cursor, the admin key in the headers each vendor documents) and for Podometer's
 * events route.
 */
class VendorUsageImportCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<String> vendorCalls = new ArrayList<>();
  private final List<String> posted = new ArrayList<>();
  private HttpServer server;
  private int vendorStatus = 200;

  private static String file(String name) throws IOException {
    try (InputStream in =
        VendorUsageImportCommandTest.class.getResourceAsStream("/vendorusage/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @BeforeEach
  void start() throws IOException {
    String firstPage = file("claude-code-analytics-page.json");
    // the second page: the same person's next record, and no more
    String secondPage =
        "{\"data\":[{\"date\":\"2026-03-02T00:00:00Z\",\"actor\":{\"type\":\"user_actor\","
            + "\"email_address\":\"cy@acme.example\"},\"core_metrics\":{\"num_sessions\":1,"
            + "\"lines_of_code\":{\"added\":10,\"removed\":0},\"commits_by_claude_code\":0,"
            + "\"pull_requests_by_claude_code\":0},\"tool_actions\":{},\"model_breakdown\":[]}],"
            + "\"has_more\":false,\"next_page\":null}";
    String cursor = file("cursor-daily-usage.json");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/organizations/usage_report/claude_code",
        exchange -> {
          vendorCalls.add(
              exchange.getRequestURI().getRawQuery()
                  + " | "
                  + exchange.getRequestHeaders().getFirst("x-api-key")
                  + " | "
                  + exchange.getRequestHeaders().getFirst("anthropic-version"));
          if (vendorStatus != 200) {
            answer(
                exchange,
                vendorStatus,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
            return;
          }
          boolean second = exchange.getRequestURI().getRawQuery().contains("page=page_");
          answer(exchange, 200, second ? secondPage : firstPage);
        });
    server.createContext(
        "/teams/daily-usage-data",
        exchange -> {
          vendorCalls.add(
              exchange.getRequestMethod()
                  + " | "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " | "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer(exchange, 200, cursor);
        });
    String copilotFile = file("copilot-users-1-day.ndjson");
    server.createContext(
        "/orgs/acme/copilot/metrics/reports/users-1-day",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          vendorCalls.add(query + " | " + exchange.getRequestHeaders().getFirst("Authorization"));
          if (query.equals("day=2026-03-03")) {
            exchange.sendResponseHeaders(204, -1); // GitHub has no report for the day
            exchange.close();
            return;
          }
          answer(
              exchange,
              200,
              "{\"download_links\":[\""
                  + base()
                  + "/reports/r1.ndjson?sig=abc&se=2026-03-10\"],"
                  + "\"report_day\":\"2026-03-02\"}");
        });
    String organizationFile = file("copilot-organization-1-day.ndjson");
    String latestFile = file("copilot-users-28-day.ndjson");
    server.createContext(
        "/orgs/acme/copilot/metrics/reports/users-28-day/latest",
        exchange -> {
          vendorCalls.add("latest users");
          answer(
              exchange,
              200,
              "{\"download_links\":[\""
                  + base()
                  + "/latest-reports/u28.ndjson\"],"
                  + "\"report_start_day\":\"2026-02-05\",\"report_end_day\":\"2026-03-04\"}");
        });
    server.createContext(
        "/latest-reports/",
        exchange -> {
          vendorCalls.add("file " + exchange.getRequestURI().getPath());
          answer(exchange, 200, latestFile);
        });
    server.createContext(
        "/orgs/acme/copilot/metrics/reports/organization-1-day",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          vendorCalls.add("organization " + query);
          if (!query.equals("day=2026-03-02")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          answer(
              exchange,
              200,
              "{\"download_links\":[\""
                  + base()
                  + "/org-reports/o1.ndjson?sig=def\"],"
                  + "\"report_day\":\"2026-03-02\"}");
        });
    server.createContext(
        "/org-reports/",
        exchange -> {
          vendorCalls.add("file " + exchange.getRequestURI().getPath());
          answer(exchange, 200, organizationFile);
        });
    server.createContext(
        "/enterprises/acme-corp/copilot/metrics/reports/users-1-day",
        exchange -> {
          vendorCalls.add("enterprise " + exchange.getRequestURI().getRawQuery());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.createContext(
        "/reports/",
        exchange -> {
          // a signed link: the GitHub token is not sent to it
          vendorCalls.add(
              "file "
                  + exchange.getRequestURI()
                  + " | "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          answer(exchange, 200, copilotFile);
        });
    server.createContext(
        "/api/events",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          body.lines().forEach(posted::add);
          answer(
              exchange,
              202,
              "{\"accepted\":" + body.lines().count() + ",\"duplicates\":0,\"revisions\":0}");
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int run(Map<String, String> env, String... args) {
    return VendorUsageImportCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env,
        Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
  }

  /** Runs the command against the stand-ins: the vendor's API and Podometer both here. */
  private int againstStandIns(Map<String, String> env, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--api-url";
    all[args.length + 1] = base();
    all[args.length + 2] = "--url";
    all[args.length + 3] = base();
    return run(env, all);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void claudeCodeIsFetchedPageByPageWithTheAdminKey() {
    int exit =
        againstStandIns(
            Map.of("ANTHROPIC_ADMIN_KEY", "sk-ant-admin01-test", "PODOMETER_TOKEN", "pdm_t"),
            "claude-code",
            "--fetch",
            "--since",
            "2026-03-02",
            "--until",
            "2026-03-02");
    assertEquals(0, exit, err.toString());
    assertEquals(
        List.of(
            "starting_at=2026-03-02&limit=1000 | sk-ant-admin01-test | 2023-06-01",
            "starting_at=2026-03-02&limit=1000&page=page_MjAyNi0wMy0wMlQwMDowMDowMFo"
                + " | sk-ant-admin01-test | 2023-06-01"),
        vendorCalls);
    assertEquals(3, posted.size(), "2 records of the first page, 1 of the second");
    assertTrue(posted.get(2).contains("\"id\":\"usage:claude_code:cy@acme.example:2026-03-02\""));
  }

  @Test
  void cursorIsFetchedWithBasicAuthForTheDaysAsked() {
    int exit =
        againstStandIns(
            Map.of("CURSOR_ADMIN_KEY", "key_abc", "PODOMETER_TOKEN", "pdm_t"),
            "cursor",
            "--fetch",
            "--since",
            "2026-03-02",
            "--until",
            "2026-03-02");
    assertEquals(0, exit, err.toString());
    // key_abc: as the Basic user, no password; 2 March 00:00 to 23:59:59.999 UTC
    assertEquals(
        List.of(
            "POST | Basic a2V5X2FiYzo= | {\"startDate\":1772409600000,\"endDate\":1772495999999}"),
        vendorCalls);
    assertEquals(2, posted.size());
  }

  @Test
  void copilotsReportsAreReadThroughTheirDownloadLinksAndAMissingDayIsAGap() {
    int exit =
        againstStandIns(
            Map.of("GITHUB_TOKEN", "ghp_test", "PODOMETER_TOKEN", "pdm_t"),
            "copilot",
            "--fetch",
            "--org",
            "acme",
            "--since",
            "2026-03-02",
            "--until",
            "2026-03-03");
    assertEquals(0, exit, err.toString());
    assertEquals(
        List.of(
            "organization day=2026-03-02",
            "file /org-reports/o1.ndjson",
            "day=2026-03-02 | Bearer ghp_test",
            "file /reports/r1.ndjson?sig=abc&se=2026-03-10 | null",
            "organization day=2026-03-03",
            "day=2026-03-03 | Bearer ghp_test"),
        vendorCalls);
    // two people's days, and the organization's own totals of 03-02 under its name
    assertEquals(3, posted.size());
    assertTrue(
        posted.get(0).contains("\"id\":\"org-usage:copilot:acme:2026-03-02\""), posted.get(0));
    assertTrue(
        out.toString().contains("2 usage days read and 1 day(s) of the organization as a whole"),
        out.toString());
    assertTrue(
        out.toString().contains("no report for 1 day(s), left as gaps: 2026-03-03"),
        out.toString());
  }

  @Test
  void theLatest28DaysComeInOneReportWithTheirGaps() {
    int exit =
        againstStandIns(
            Map.of("GITHUB_TOKEN", "ghp_test", "PODOMETER_TOKEN", "pdm_t"),
            "copilot",
            "--fetch",
            "--org",
            "acme",
            "--latest");
    assertEquals(0, exit, err.toString());
    // the organization's 28-day report is missing here (404): only the people's is read
    assertEquals(List.of("latest users", "file /latest-reports/u28.ndjson"), vendorCalls);
    assertEquals(2, posted.size());
    // 28 days from 02-05 to 03-04, rows on 03-02 and 03-04: 26 gaps
    assertTrue(out.toString().contains("no report for 26 day(s)"), out.toString());
    assertEquals(
        2,
        againstStandIns(
            Map.of("GITHUB_TOKEN", "ghp_test", "PODOMETER_TOKEN", "pdm_t"),
            "cursor",
            "--fetch",
            "--latest"));
  }

  @Test
  void filesOfTheOlderMetricsApiAreTheOrganizationsDays() throws IOException {
    Path history = dir.resolve("metrics.json");
    Files.writeString(history, file("copilot-metrics-history.json"));
    Map<String, String> env = Map.of("PODOMETER_TOKEN", "pdm_t");
    assertEquals(
        0,
        againstStandIns(env, "copilot-metrics", history.toString(), "--org", "acme"),
        err.toString());
    assertEquals(2, posted.size());
    assertTrue(posted.get(0).contains("\"type\":\"agent.org_usage\""), posted.get(0));
    assertTrue(posted.get(0).contains("\"suggestions\":857"), posted.get(0));
    // whose days they are must be said; the API itself is gone
    assertEquals(2, againstStandIns(env, "copilot-metrics", history.toString()));
    assertEquals(
        2,
        againstStandIns(
            Map.of("GITHUB_TOKEN", "t", "PODOMETER_TOKEN", "p"),
            "copilot-metrics",
            "--fetch",
            "--org",
            "acme",
            "--since",
            "2026-03-02"));
    assertTrue(err.toString().contains("switched /copilot/metrics off"), err.toString());
  }

  @Test
  void anEnterpriseWithoutAnyReportIsNotTakenForAnImport() {
    int exit =
        againstStandIns(
            Map.of("GITHUB_TOKEN", "ghp_test", "PODOMETER_TOKEN", "pdm_t"),
            "copilot",
            "--fetch",
            "--enterprise",
            "acme-corp",
            "--since",
            "2026-03-02",
            "--until",
            "2026-03-03");
    assertEquals(1, exit);
    assertEquals(List.of("enterprise day=2026-03-02", "enterprise day=2026-03-03"), vendorCalls);
    assertTrue(err.toString().contains("no report for any day"), err.toString());
    assertTrue(posted.isEmpty());
  }

  @Test
  void aRefusalOfTheVendorStopsTheImportWithItsStatus() {
    vendorStatus = 401;
    int exit =
        againstStandIns(
            Map.of("ANTHROPIC_ADMIN_KEY", "wrong", "PODOMETER_TOKEN", "pdm_t"),
            "claude-code",
            "--fetch",
            "--since",
            "2026-03-02",
            "--until",
            "2026-03-02");
    assertEquals(1, exit);
    assertTrue(err.toString().contains(": 401 "), err.toString());
    assertTrue(posted.isEmpty());
  }

  @Test
  void savedFilesAreCheckedWholeBeforeAnythingIsSent() throws IOException {
    Path good = Files.writeString(dir.resolve("cursor.json"), file("cursor-daily-usage.json"));
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"data\":[{\"email\":\"x@y.z\"}]}");
    assertEquals(
        1,
        run(
            Map.of("PODOMETER_TOKEN", "pdm_t"),
            "cursor",
            good.toString(),
            bad.toString(),
            "--url",
            base()));
    assertTrue(
        err.toString().contains("bad.json: data[0]: date: not epoch milliseconds"), err.toString());
    assertTrue(posted.isEmpty());
    assertEquals(
        0, run(Map.of("PODOMETER_TOKEN", "pdm_t"), "cursor", good.toString(), "--url", base()));
    assertEquals(2, posted.size());
  }

  @Test
  void fetchingNeedsTheKeyAndADay() {
    assertEquals(2, run(Map.of(), "claude-code", "--fetch", "--since", "2026-03-02"));
    assertTrue(err.toString().contains("$ANTHROPIC_ADMIN_KEY is not set"), err.toString());
    assertEquals(2, run(Map.of("ANTHROPIC_ADMIN_KEY", "k"), "claude-code", "--fetch"));
    assertEquals(2, run(Map.of(), "codex", "x.json"));
    assertEquals(
        2, run(Map.of("GITHUB_TOKEN", "t"), "copilot", "--fetch", "--since", "2026-03-02"));
    assertTrue(err.toString().contains("--org ORG or --enterprise SLUG"), err.toString());
  }
}
