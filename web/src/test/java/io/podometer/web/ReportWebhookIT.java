package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A configured chat webhook receives the organization's report as Slack-compatible JSON ({"text":
 * Markdown}) each time one is written; a pod's report is not posted, and a webhook that fails
 * leaves the report stored all the same.
 */
@QuarkusTest
@TestProfile(ReportWebhookIT.WithWebhook.class)
class ReportWebhookIT {

  static {
    TestHttp.init();
  }

  static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
  static volatile int answer = 200;
  static final HttpServer CHAT = chat();

  private static HttpServer chat() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hooks/weekly",
          exchange -> {
            RECEIVED.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static class WithWebhook implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "podometer.reports.webhook-url",
          "http://127.0.0.1:" + CHAT.getAddress().getPort() + "/hooks/weekly");
    }
  }

  @Inject TestDatabase db;

  @Test
  void theOrganizationsReportIsPostedAsMarkdownWhenWritten() throws Exception {
    db.resetAll();
    given()
        .contentType("application/yaml")
        .body(
            """
            org: {name: Acme, timeZone: UTC}
            pods: [{id: checkout, name: Checkout}]
            """)
        .put("/api/org")
        .then()
        .statusCode(200);
    RECEIVED.clear();
    given().get("/api/reports/weekly?scope=pod:checkout&week=2026-W45").then().statusCode(200);
    given().get("/api/reports/weekly?scope=org&week=2026-W45").then().statusCode(200);
    String posted = RECEIVED.poll(10, TimeUnit.SECONDS);
    JsonNode body = new ObjectMapper().readTree(posted);
    assertEquals(1, body.size(), "Slack-compatible: one text field");
    assertTrue(
        body.get("text").asText().startsWith("# Weekly learn-and-kill report — Acme, 2026-W45\n"),
        body.toString());
    assertTrue(body.get("text").asText().contains("## 7. Pilot scorecards"));
    assertEquals(null, RECEIVED.poll(1, TimeUnit.SECONDS), "the pod's report is not posted");
    // the chat refuses: the revision is stored all the same
    answer = 500;
    given().post("/api/reports/weekly?scope=org&week=2026-W45").then().statusCode(201);
    assertTrue(RECEIVED.poll(10, TimeUnit.SECONDS) != null);
    assertEquals(
        java.util.List.of(2, 1),
        given().get("/api/reports?scope=org").then().extract().jsonPath().getList("revision"));
    answer = 200;
  }
}
