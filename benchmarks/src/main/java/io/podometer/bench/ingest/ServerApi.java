package io.podometer.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The few routes the benchmark calls, as the bootstrap admin (who holds every role). */
final class ServerApi {

  private final URI base;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final ObjectMapper json = new ObjectMapper();

  ServerApi(URI base) {
    this.base = base;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("admin:" + BenchServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  void putOrg(String yaml) throws IOException {
    send(
        HttpRequest.newBuilder(base.resolve("/api/org"))
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(yaml)),
        200);
  }

  void postEvent(String json) throws IOException {
    send(
        HttpRequest.newBuilder(base.resolve("/api/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        202);
  }

  /** One NDJSON request; the server's answer (its receipt). */
  JsonNode postNdjson(String ndjson) throws IOException {
    return send(
        HttpRequest.newBuilder(base.resolve("/api/events"))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(ndjson)),
        202);
  }

  /** A POST of a JSON body answering {@code expected}. */
  JsonNode postJson(String path, String body, int expected) throws IOException {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        expected);
  }

  JsonNode get(String pathAndQuery) throws IOException {
    return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET(), 200);
  }

  /** GET answering 200, or 404 (a cell without data): null then. */
  JsonNode getOrNull(String pathAndQuery) throws IOException {
    HttpResponse<String> response = raw(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET());
    if (response.statusCode() == 404) {
      return null;
    }
    check(response, 200, pathAndQuery);
    return json.readTree(response.body());
  }

  JsonNode recompute() throws IOException {
    return send(
        HttpRequest.newBuilder(base.resolve("/api/admin/recompute"))
            .timeout(Duration.ofMinutes(30))
            .POST(HttpRequest.BodyPublishers.ofString("")),
        200);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private JsonNode send(HttpRequest.Builder request, int expected) throws IOException {
    HttpResponse<String> response = raw(request);
    check(response, expected, response.request().uri().toString());
    return json.readTree(response.body().isEmpty() ? "{}" : response.body());
  }

  private HttpResponse<String> raw(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(
          request.header("Authorization", authorization).timeout(Duration.ofMinutes(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void check(HttpResponse<String> response, int expected, String what) {
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          what + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
