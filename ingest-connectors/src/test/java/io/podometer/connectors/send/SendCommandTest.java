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
  private final List<String> bodies = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private int refuseFrom = Integer.MAX_VALUE;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/events",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
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
            "http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @Test
  void sendsBatchesWithTheTokenOfTheDataDirectory() throws IOException {
    Files.writeString(data.resolve("cli-token"), "pdm_abc_secret\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // 5 events (a blank line is skipped) in batches of 2 → 3 requests of 2, 2 and 1 lines
    int status =
        run("{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}\n{\"a\":4}\n{\"a\":5}\n", out, err, "--batch", "2");
    assertEquals(0, status, err.toString());
    assertEquals(
        List.of("{\"a\":1}\n{\"a\":2}\n", "{\"a\":3}\n{\"a\":4}\n", "{\"a\":5}\n"), bodies);
    assertEquals(
        List.of("Bearer pdm_abc_secret", "Bearer pdm_abc_secret", "Bearer pdm_abc_secret"),
        authorizations);
    assertEquals("sent: 5 accepted, 0 duplicates, 0 revisions\n", out.toString());
  }

  @Test
  void aRefusedBatchStopsWithTheServersReasonAndLines() throws IOException {
    Files.writeString(data.resolve("cli-token"), "pdm_abc_secret\n");
    refuseFrom = 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n{\"a\":4}\n", out, err, "--batch", "2");
    assertEquals(1, status);
    assertEquals(2, bodies.size(), "no batch after the refused one");
    assertTrue(
        err.toString()
            .contains("lines 3-4 refused (400): line 1: pr.merged data.mergedAt: missing"),
        err.toString());
    assertTrue(err.toString().contains("2 events before them were accepted"), err.toString());
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
