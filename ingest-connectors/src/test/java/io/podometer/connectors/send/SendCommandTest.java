package io.podometer.connectors.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
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

/** The command line's sender against a local HTTP server that records what it is sent. */
class SendCommandTest {

  @TempDir Path data;
  private HttpServer server;
  private final List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private int refuseFrom = Integer.MAX_VALUE;
  // the first answers to give before accepting: a status, or 0 to drop the connection
  private final java.util.Deque<Integer> failFirst = new java.util.ArrayDeque<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/events",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Integer failure;
          synchronized (failFirst) {
            failure = failFirst.poll();
          }
          if (failure != null) {
            if (failure == 0) {
              exchange.close(); // no answer at all: the client sees the connection end
              return;
            }
            byte[] busy = "{\"status\":503,\"detail\":\"busy\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(failure, busy.length);
            exchange.getResponseBody().write(busy);
            exchange.close();
            return;
          }
          bodies.add(body);
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          boolean refuse = bodies.size() >= refuseFrom;
          long lines = body.lines().count();
          byte[] answer =
              (refuse
                      ? "{\"status\":400,\"detail\":\"line 1: pr.merged data.mergedAt: missing\"}"
                      : "{\"accepted\":" + lines + ",\"duplicates\":0,\"revisions\":0}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(refuse ? 400 : 202, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int run(
      String stdin, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    return SendCommand.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(
            "PODOMETER_DATA",
            data.toString(),
            "PODOMETER_URL",
            "http://127.0.0.1:" + server.getAddress().getPort()),
        false);
  }

  @Test
  void sendsBatchesWithTheTokenOfTheDataDirectory() throws IOException {
    Files.writeString(data.resolve("cli-token"), "pdm_abc_secret\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // 5 events (a blank line is skipped) in batches of 2 → 3 requests of 2, 2 and 1 lines
    int status =
        run(
            "{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}\n{\"a\":4}\n{\"a\":5}\n",
            out,
            err,
            "--batch",
            "2",
            "--parallel",
            "1");
    assertEquals(0, status, err.toString());
    assertEquals(
        List.of("{\"a\":1}\n{\"a\":2}\n", "{\"a\":3}\n{\"a\":4}\n", "{\"a\":5}\n"), bodies);
    assertEquals(
        List.of("Bearer pdm_abc_secret", "Bearer pdm_abc_secret", "Bearer pdm_abc_secret"),
        authorizations);
    assertTrue(
        out.toString().startsWith("sent: 5 accepted, 0 duplicates, 0 revisions in 0:0"),
        out.toString());
  }

  @Test
  void aRefusedBatchStopsWithTheServersReasonAndLines() throws IOException {
    Files.writeString(data.resolve("cli-token"), "pdm_abc_secret\n");
    refuseFrom = 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        run(
            "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n{\"a\":4}\n{\"a\":5}\n{\"a\":6}\n",
            out,
            err,
            "--batch",
            "2",
            "--parallel",
            "1");
    assertEquals(1, status);
    assertEquals(2, bodies.size(), "no batch after the refused one");
    assertTrue(
        err.toString()
            .contains("lines 3-4 refused (400): line 1: pr.merged data.mergedAt: missing"),
        err.toString());
    assertTrue(err.toString().contains("2 events were accepted"), err.toString());
  }

  @Test
  void aBatchAnswered503OrCutOffIsSentAgainAndNothingIsLost() throws IOException {
    Files.writeString(data.resolve("cli-token"), "pdm_abc_secret\n");
    failFirst.add(503);
    failFirst.add(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        run("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", out, err, "--batch", "2", "--parallel", "1");
    assertEquals(0, status, err.toString());
    // the first batch failed twice (503, then a cut connection) and went through the third time
    assertEquals(List.of("{\"a\":1}\n{\"a\":2}\n", "{\"a\":3}\n"), bodies);
    assertTrue(
        err.toString().contains("answered 503; trying again in 0.5 s (1 of 5)"), err.toString());
    assertTrue(err.toString().contains("unreachable"), err.toString());
    assertTrue(err.toString().contains("trying again in 1.0 s (2 of 5)"), err.toString());
    assertTrue(out.toString().startsWith("sent: 3 accepted"), out.toString());
  }

  @Test
  void aServerThatStaysDownEndsTheSendAfterTheRetries() throws IOException {
    Files.writeString(data.resolve("cli-token"), "pdm_abc_secret\n");
    failFirst.add(503);
    failFirst.add(503);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run("{\"a\":1}\n", out, err, "--retries", "1");
    assertEquals(1, status);
    assertTrue(
        err.toString().contains("lines 1-1 answered 503 (gave up after 1 retries)"),
        err.toString());
    assertEquals(List.of(), bodies);
  }

  @Test
  void batchesInFlightTogetherDeliverEveryLineOnce() throws IOException {
    Files.writeString(data.resolve("cli-token"), "pdm_abc_secret\n");
    StringBuilder input = new StringBuilder();
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (int i = 0; i < 1000; i++) {
      input.append("{\"a\":").append(i).append("}\n");
      expected.add("{\"a\":" + i + "}");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run(input.toString(), out, err, "--batch", "7", "--parallel", "4");
    assertEquals(0, status, err.toString());
    java.util.Set<String> received = new java.util.TreeSet<>();
    int lines = 0;
    for (String body : bodies) {
      for (String line : body.split("\n")) {
        received.add(line);
        lines++;
      }
    }
    assertEquals(expected, received);
    assertEquals(1000, lines, "no line twice");
    assertEquals(143, bodies.size(), "1000 lines in batches of 7: 142 full and one of 6");
    assertTrue(out.toString().startsWith("sent: 1000 accepted"), out.toString());
  }

  @Test
  void theProgressLineCountsEventsAndTheirRateAndTheTimeLeft() throws IOException {
    Files.writeString(data.resolve("cli-token"), "pdm_abc_secret\n");
    Path file = data.resolve("events.ndjson");
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      input.append("{\"a\":").append(i).append("}\n");
    }
    Files.writeString(file, input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run("", out, err, file.toString(), "--batch", "10", "--progress");
    assertEquals(0, status, err.toString());
    // one batch of all ten lines: the whole file stored, nothing left
    assertTrue(err.toString().contains("10 events · "), err.toString());
    assertTrue(err.toString().contains(" events/s · 100 % · ETA 0:00"), err.toString());
    // a progress line ends before the totals
    assertTrue(err.toString().endsWith("\n"), err.toString());
    assertEquals("0:00", Progress.clock(0));
    assertEquals("1:05", Progress.clock(65));
    assertEquals("1:01:01", Progress.clock(3661));
  }

  @Test
  void withoutATokenItSaysWhereOneComesFrom() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run("{}\n", out, err));
    assertTrue(err.toString().contains("PODOMETER_TOKEN"), err.toString());
    assertTrue(err.toString().contains("cli-token"), err.toString());
    assertEquals(List.of(), bodies);
  }
}
