package io.podometer.connectors.agenttrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/** {@code ./podometer import agent-trace} against a stand-in for Podometer's events route. */
class AgentTraceImportCommandTest {

  private static final String SHA = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<String> received = new ArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " | "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " | "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] bytes =
              "{\"accepted\":1,\"duplicates\":0,\"revisions\":0}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(202, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int run(String... args) {
    return AgentTraceImportCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(
            "PODOMETER_URL",
            "http://127.0.0.1:" + server.getAddress().getPort(),
            "PODOMETER_TOKEN",
            "cli-token-1"));
  }

  @Test
  void aClonesTraceFileIsPostedAsOneAttributionPerRevisionWithTheCliToken() throws IOException {
    Path traces = dir.resolve(".agent-trace").resolve("traces.jsonl");
    Files.createDirectories(traces.getParent());
    Files.writeString(
        traces,
        AgentTraceRecordsTest.record(
                "1.0",
                "a",
                "2026-03-02T09:00:00Z",
                SHA,
                "claude-code",
                "src/cart.py",
                "ai",
                "claude-sonnet-4",
                1,
                10)
            + "\n"
            + AgentTraceRecordsTest.record(
                "1.0",
                "b",
                "2026-03-02T09:05:00Z",
                SHA,
                "claude-code",
                "src/cart.py",
                "ai",
                "claude-sonnet-4",
                8,
                12)
            + "\n");
    assertEquals(0, run(dir.toString(), "--repo", "acme/shop"), err::toString);
    assertEquals(1, received.size(), received::toString);
    String[] request = received.get(0).split(" \\| ", 3);
    assertEquals("POST /api/events", request[0]);
    assertEquals("Bearer cli-token-1", request[1]);
    JsonNode event = new ObjectMapper().readTree(request[2].strip());
    assertEquals("commit.attribution", event.get("type").asText());
    assertEquals("agent-trace", event.get("source").asText());
    assertEquals("acme/shop", event.get("repo").asText());
    // 1..10 and 8..12: 12 lines
    assertEquals(12, event.get("data").get("files").get(0).get("aiLines").asInt());
    assertTrue(out.toString().contains("2 records read: 1 commits with line-level attribution"));
  }

  @Test
  void aRefusedFileSendsNothingAndPrintsEveryProblem() throws IOException {
    Path file = dir.resolve("traces.json");
    Files.writeString(
        file,
        "["
            + AgentTraceRecordsTest.record(
                "1.0", "a", "2026-03-02T09:00:00Z", "abc", null, "x.py", "ai", null, 5, 2)
            + "]");
    assertEquals(1, run(file.toString(), "--repo", "acme/shop"));
    assertEquals(List.of(), received);
    assertTrue(err.toString().contains("refused, nothing sent"), err::toString);
    assertTrue(
        err.toString().contains("record 1 (line 1), id a: vcs.revision: not a full git commit sha"),
        err::toString);
    assertTrue(
        err.toString()
            .contains("files[0].conversations[0].ranges[0].end_line: 2 is before start_line 5"),
        err::toString);
  }

  @Test
  void argumentsAreCheckedBeforeAnythingIsRead() {
    assertEquals(2, run("traces.jsonl"));
    assertTrue(err.toString().contains("--repo owner/name missing"), err::toString);
    assertEquals(2, run(dir.resolve("none.jsonl").toString(), "--repo", "acme/shop"));
    assertTrue(err.toString().contains("cannot read"), err::toString);
    assertEquals(2, run("a.jsonl", "--repo", "not a repo"));
    assertEquals(List.of(), received);
  }
}
