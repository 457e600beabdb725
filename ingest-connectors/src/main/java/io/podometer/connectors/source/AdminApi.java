package io.podometer.connectors.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.engine.event.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A running Podometer's source API as the command line calls it, with an admin's credentials: an
 * answer other than the one expected becomes an error carrying the server's reason.
 */
public final class AdminApi {

  private static final ObjectMapper JSON = EventCodec.mapper();

  private final URI server;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public AdminApi(URI server, String authorization) {
    this.server = server;
    this.authorization = authorization;
  }

  /**
   * @throws IOException naming the request, the status and the server's detail when the status is
   *     not {@code expected}
   */
  public JsonNode call(String method, String path, String body, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(method, path, body);
    if (response.statusCode() != expected) {
      throw failure(response);
    }
    return JSON.readTree(response.body());
  }

  public HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (body != null && body.isEmpty() && !method.equals("GET")) {
      // the server wants a length on a request with a body, and the client sends none when empty
      body = "{}";
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public static IOException failure(HttpResponse<String> response) {
    String detail;
    try {
      detail = JSON.readTree(response.body()).path("detail").asText(response.body());
    } catch (IOException e) {
      detail = response.body();
    }
    return new IOException(
        response.request().method()
            + " "
            + response.uri().getPath()
            + " answered "
            + response.statusCode()
            + ": "
            + detail);
  }

  /**
   * {@code $PODOMETER_TOKEN} (an admin-scoped API token), else the bootstrap admin's password kept
   * under {@code $PODOMETER_DATA}.
   *
   * @throws IllegalStateException saying where credentials were looked for
   */
  public static String adminAuthorization(Map<String, String> env) {
    String token = env.get("PODOMETER_TOKEN");
    if (token != null && !token.isBlank()) {
      return "Bearer " + token.strip();
    }
    Path file = Path.of(env.getOrDefault("PODOMETER_DATA", "./data"), "admin-password");
    try {
      String password = Files.readString(file, StandardCharsets.UTF_8).strip();
      return "Basic "
          + Base64.getEncoder()
              .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(
          "no admin credentials: set PODOMETER_TOKEN (an admin-scoped API token) or run where "
              + file.toAbsolutePath()
              + " is readable");
    }
  }
}
