package io.podometer.connectors.vendorusage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.podometer.engine.event.EventCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./podometer import copilot-seats} against a stand-in for GitHub's seat list (pages of 100
 * followed until a short one, the token as a bearer) and for Podometer's seats route (the whole
 * listing put once, for the account).
 */
class SeatImportCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<String> githubCalls = new ArrayList<>();
  private final List<String> puts = new ArrayList<>();
  private HttpServer server;

  private static String fixture() throws IOException {
    try (InputStream in =
        SeatImportCommandTest.class.getResourceAsStream("/vendorusage/copilot-seats-page.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A full first page: 100 people's seats, never active. */
  private static String fullPage() {
    StringBuilder seats = new StringBuilder("{\"total_seats\":103,\"seats\":[");
    for (int i = 0; i < 100; i++) {
      seats
          .append(i == 0 ? "" : ",")
          .append("{\"created_at\":\"2026-01-05T15:00:00Z\",\"last_activity_at\":null,")
          .append("\"assignee\":{\"login\":\"dev-")
          .append(i)
          .append("\",\"type\":\"User\"}}");
    }
    return seats.append("]}").toString();
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @BeforeEach
  void start() throws IOException {
    String lastPage = fixture();
    String firstPage = fullPage();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/orgs/acme/copilot/billing/seats",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          githubCalls.add(query + " | " + exchange.getRequestHeaders().getFirst("Authorization"));
          answer(exchange, 200, query.endsWith("page=1") ? firstPage : lastPage);
        });
    server.createContext(
        "/api/sources/seats/",
        exchange -> {
          puts.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " | "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " | "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer(exchange, 200, "{\"listed\":103,\"removed\":0}");
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private int run(Map<String, String> env, String... args) {
    return SeatImportCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env);
  }

  @Test
  void fetchesEveryPageAndPutsTheWholeListingOnce() throws IOException {
    int exit =
        run(
            Map.of("GITHUB_TOKEN", "ghp_test", "PODOMETER_TOKEN", "pdm_test"),
            "copilot-seats",
            "--fetch",
            "--org",
            "acme",
            "--api-url",
            base(),
            "--url",
            base());
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    assertEquals(
        List.of("per_page=100&page=1 | Bearer ghp_test", "per_page=100&page=2 | Bearer ghp_test"),
        githubCalls);
    assertEquals(1, puts.size());
    String[] put = puts.get(0).split(" \\| ", 3);
    assertEquals("PUT /api/sources/seats/copilot?account=acme", put[0]);
    assertEquals("Bearer pdm_test", put[1]);
    JsonNode seats = EventCodec.mapper().readTree(put[2]).get("seats");
    // 100 + ana, bo and cy; the organization's own seat left out
    assertEquals(103, seats.size());
    assertEquals("ana-l", seats.get(100).get("user").asText());
    assertEquals("2026-01-05T15:00:00Z", seats.get(100).get("assignedAt").asText());
    assertEquals("2026-03-03T16:00:00Z", seats.get(100).get("lastActivityAt").asText());
    assertEquals("2026-04-01", seats.get(102).get("endsOn").asText());
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .startsWith("103 seats read (1 assigned to no person, left out)"));
  }

  @Test
  void savedPagesAreCheckedBeforeAnythingIsSent() throws IOException {
    Path good = dir.resolve("seats-1.json");
    Files.writeString(good, fixture());
    Path bad = dir.resolve("seats-2.json");
    Files.writeString(bad, "{\"seats\":[{\"assignee\":{\"login\":\"x\"}}]}");
    Map<String, String> env = Map.of("PODOMETER_TOKEN", "pdm_test");
    assertEquals(
        1,
        run(
            env,
            "copilot-seats",
            good.toString(),
            bad.toString(),
            "--org",
            "acme",
            "--url",
            base()));
    assertEquals(
        "import copilot-seats: refused, nothing sent:\n  "
            + bad
            + ": seats[0].created_at: missing\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals(List.of(), puts);
    assertEquals(
        0,
        run(env, "copilot-seats", good.toString(), "--enterprise", "acme-corp", "--url", base()));
    assertTrue(
        puts.get(0).startsWith("PUT /api/sources/seats/copilot?account=enterprise%3Aacme-corp"));
    // the account is required, and files or --fetch
    assertEquals(2, run(env, "copilot-seats", good.toString()));
    assertEquals(2, run(env, "copilot-seats", "--org", "acme"));
  }
}
