package io.podometer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Durability, on the packaged application as a user runs it: after a 202, the process is killed (no
 * clean shutdown), restarted, and the same batch re-posted: the facts are unchanged and every event
 * counts as a duplicate.
 */
class ApplicationRestartPackagedIT {

  private final HttpClient http = HttpClient.newHttpClient();
  private Process app;
  private String token;

  @AfterEach
  void stop() {
    if (app != null) {
      app.destroyForcibly();
    }
  }

  @Test
  void aBootstrapPasswordTooShortStopsTheStartWithOneLineNamingTheSetting() throws Exception {
    Path data = Files.createTempDirectory("podometer-short-password");
    Path jar =
        Path.of(System.getProperty("podometer.app.dir", "target/quarkus-app"), "quarkus-run.jar");
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString());
    builder.environment().put("PODOMETER_DATA", data.toString());
    builder.environment().put("PODOMETER_DEMO", "false");
    builder.environment().put("PODOMETER_ADMIN_PASSWORD", "eleven-char");
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
    builder.redirectErrorStream(true);
    Path log = data.resolve("app.log");
    builder.redirectOutput(log.toFile());
    app = builder.start();
    assertTrue(app.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "the start stops");
    assertEquals(1, app.exitValue());
    String output = Files.readString(log);
    assertTrue(
        output.contains(
            "cannot start: PODOMETER_ADMIN_PASSWORD: at least 12 characters (or leave it unset:"),
        output);
    assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
  }

  @Test
  void acceptedEventsSurviveAKillAndAreDuplicatesWhenSentAgain() throws Exception {
    Path data = Files.createTempDirectory("podometer-restart");
    int port = freePort();
    StringBuilder batch = new StringBuilder();
    for (int n = 1; n <= 25; n++) {
      batch.append(Events.prOpened("acme/durable", n, "ana", "2026-03-02T09:00:00Z")).append('\n');
      batch
          .append(Events.prMerged("acme/durable", n, "ana", "2026-03-03T10:00:00Z", "m" + n, n))
          .append('\n');
    }

    app = start(data, port);
    assertFirstStartIsPrivate(data, port);
    token = Files.readString(data.resolve("cli-token")).strip();
    HttpResponse<String> first = post(port, batch.toString());
    assertEquals(202, first.statusCode(), first.body());
    assertEquals("{\"accepted\":50,\"duplicates\":0,\"revisions\":0}", first.body());
    String factsBefore = get(port, "/api/facts/pull-requests?repo=acme/durable&limit=1000");

    app.destroyForcibly().waitFor();
    app = start(data, port);

    // the figures stored before the kill may predate the batch: they are recomputed, not served
    assertTrue(
        Files.readString(data.resolve("app.log"))
            .matches("(?s).*stored figures reflect the facts up to \\S+, a fact was written at .*"),
        "the restart recomputes the figures rather than serve older ones");
    assertEquals(factsBefore, get(port, "/api/facts/pull-requests?repo=acme/durable&limit=1000"));
    HttpResponse<String> again = post(port, batch.toString());
    assertEquals(202, again.statusCode());
    assertEquals("{\"accepted\":0,\"duplicates\":50,\"revisions\":0}", again.body());
    assertEquals(factsBefore, get(port, "/api/facts/pull-requests?repo=acme/durable&limit=1000"));
    assertTrue(factsBefore.contains("\"number\":25"));
    assertEquals(
        token,
        Files.readString(data.resolve("cli-token")).strip(),
        "the command line's token survives a restart");
  }

  /**
   * A new user's first start: no open dashboard, the admin's password and the command line's token
   * in files only the owner can read, announced by path and never printed.
   */
  private void assertFirstStartIsPrivate(Path data, int port) throws Exception {
    assertEquals(
        "rwx------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data)),
        "the data directory is private");
    Path database = data.resolve("podometer.mv.db");
    assertTrue(Files.exists(database), "the database is in the data directory");
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(database)),
        "the database file is private");
    for (String file : new String[] {"admin-password", "cli-token"}) {
      Path path = data.resolve(file);
      assertTrue(Files.exists(path), file + " written");
      assertEquals(
          "rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(path)),
          file + " is private");
      String secret = Files.readString(path).strip();
      assertTrue(secret.length() >= 20, file + " holds a long secret");
      String log = Files.readString(data.resolve("app.log"));
      assertFalse(log.contains(secret), file + "'s secret must not be logged");
      assertTrue(log.contains(path.toAbsolutePath().toString()), file + " is announced by path");
    }
    HttpResponse<String> page =
        http.send(
            request(port, "/pods").header("Accept", "text/html").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, page.statusCode(), "a browser is sent to the login page");
    assertEquals("/login?next=%2Fpods", page.headers().firstValue("Location").orElse(""));
    HttpResponse<String> api =
        http.send(
            request(port, "/api/metrics?scope=org").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, api.statusCode(), "the API needs credentials");
    String password = Files.readString(data.resolve("admin-password")).strip();
    HttpResponse<String> asAdmin =
        http.send(
            request(port, "/api/org")
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString(("admin:" + password).getBytes()))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, asAdmin.statusCode(), "the admin signs in with the written password");
  }

  private Process start(Path data, int port) throws Exception {
    Path jar =
        Path.of(System.getProperty("podometer.app.dir", "target/quarkus-app"), "quarkus-run.jar");
    assertTrue(Files.exists(jar), "packaged application at " + jar);
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString());
    builder.environment().put("PODOMETER_DATA", data.toString());
    builder.environment().put("PODOMETER_DEMO", "false");
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("app.log").toFile()));
    Process process = builder.start();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      assertTrue(process.isAlive(), "application exited; see " + data.resolve("app.log"));
      try {
        if (http.send(
                    request(port, "/q/health/ready").GET().build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return process;
        }
      } catch (IOException notYetListening) {
        // keep waiting until the deadline
      }
      process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("application not ready in 2 minutes; see " + data.resolve("app.log"));
  }

  private HttpResponse<String> post(int port, String ndjson) throws Exception {
    return http.send(
        request(port, "/api/events")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(ndjson))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            request(port, path).header("Authorization", "Bearer " + token).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
