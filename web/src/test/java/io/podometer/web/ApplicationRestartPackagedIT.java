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

  // HTTP/1.1 as curl speaks it: routes with small bodies want a Content-Length, which Java's
  // HTTP/2 upgrade leaves out of a POST without a body
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
   * The fuzz test: a few thousand hostile events — at the very edges of the contract (accepted),
   * and malformed or out of range (refused with a problem document, never a 500) — then healthy
   * ones. The server stays healthy, a full recomputation succeeds, every figure is a finite number,
   * "data as of" stays in the present, and a restart serves the same.
   */
  @Test
  void hostileEventsLeaveTheServerHealthyTheFiguresFiniteAndAStartClean() throws Exception {
    Path data = Files.createTempDirectory("podometer-fuzz");
    int port = freePort();
    app = start(data, port);
    token = Files.readString(data.resolve("cli-token")).strip();
    String admin =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    ("admin:" + Files.readString(data.resolve("admin-password")).strip())
                        .getBytes());
    String org =
        """
        org: {name: Fuzz, privacyFloor: 3, timeZone: UTC}
        pods: [{id: core, name: Core}, {id: solo, name: Solo}]
        members:
          - {id: ana, name: Ana, role: engineer, identities: {github: [ana], emails: [ana@acme.example]}, memberships: [{pod: core, from: 2025-01-05}]}
          - {id: bo, name: Bo, role: engineer, identities: {github: [bo], emails: [bo@acme.example]}, memberships: [{pod: core, from: 2025-01-05}]}
          - {id: cy, name: Cy, role: engineer, identities: {github: [cy], emails: [cy@acme.example]}, memberships: [{pod: core, from: 2025-01-05}]}
          - {id: dee, name: Dee, role: engineer, identities: {github: [dee], emails: [dee@acme.example]}, memberships: [{pod: solo, from: 2025-01-05}]}
          - {id: eli, name: Eli, role: engineer, identities: {github: [eli], emails: [eli@acme.example]}, memberships: [{pod: solo, from: 2025-01-05}]}
        """;
    HttpResponse<String> stored =
        http.send(
            request(port, "/api/org")
                .header("Authorization", admin)
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(org))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, stored.statusCode(), stored.body());

    HostileEvents fuzz = new HostileEvents(20261203, Instant.now());
    int accepted = 0;
    for (int batch = 0; batch < 40; batch++) {
      HttpResponse<String> response = post(port, HostileEvents.ndjson(fuzz.extremeButValid(50)));
      assertEquals(202, response.statusCode(), response.body());
      accepted += 50;
    }
    int refused = 0;
    for (int i = 0; i < 1500; i++) {
      byte[] body = fuzz.malformed();
      HttpResponse<String> response =
          http.send(
              request(port, "/api/events")
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", i % 2 == 0 ? "application/x-ndjson" : "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String what = "malformed #" + i + ": " + new String(body, 0, Math.min(body.length, 300));
      assertTrue(
          response.statusCode() == 400 || response.statusCode() == 413,
          response.statusCode() + " " + response.body() + " for " + what);
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").contains("problem+json"), what);
      assertFalse(response.body().contains("\tat ") || response.body().contains("Exception"), what);
      refused++;
    }
    // a bad line among good ones refuses the whole batch
    for (int batch = 0; batch < 20; batch++) {
      java.util.List<String> lines = new java.util.ArrayList<>(fuzz.extremeButValid(9));
      lines.add(
          batch % lines.size(),
          new String(fuzz.malformed(), java.nio.charset.StandardCharsets.UTF_8));
      HttpResponse<String> response = post(port, HostileEvents.ndjson(lines));
      assertTrue(response.statusCode() == 400 || response.statusCode() == 413, response.body());
    }
    // then healthy work
    StringBuilder healthy = new StringBuilder();
    String[] authors = {"ana", "bo", "cy", "dee"};
    for (int n = 1; n <= 12; n++) {
      String author = authors[n % authors.length];
      String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(n) + "T10:00:00Z";
      healthy.append(Events.prOpened("acme/core", 1000 + n, author, day)).append('\n');
      healthy
          .append(Events.prMerged("acme/core", 1000 + n, author, day, "h" + n, 10 * n))
          .append('\n');
    }
    assertEquals(202, post(port, healthy.toString()).statusCode());
    assertTrue(accepted + refused > 3000, "a few thousand hostile events");

    HttpResponse<String> recompute =
        http.send(
            request(port, "/api/admin/recompute")
                .header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .timeout(Duration.ofMinutes(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, recompute.statusCode(), recompute.body());
    assertHealthyWithFiniteFigures(port, admin);

    app.destroy(); // a clean stop, then a start on the same data
    assertTrue(app.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "the stop ends");
    app = start(data, port);
    assertHealthyWithFiniteFigures(port, admin);
  }

  /** Health, no failure in the figure pipeline, every figure finite, "data as of" not ahead. */
  private void assertHealthyWithFiniteFigures(int port, String admin) throws Exception {
    assertEquals(
        200,
        http.send(request(port, "/q/health").GET().build(), HttpResponse.BodyHandlers.discarding())
            .statusCode());
    HttpResponse<String> health =
        http.send(
            request(port, "/api/admin/figures").header("Authorization", admin).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"failing\":false"), health.body());
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    int numbers = 0;
    for (String scope :
        new String[] {"org", "pod:core", "pod:solo", "repo:acme/fuzz", "repo:acme/core"}) {
      for (String granularity : new String[] {"", "&granularity=total"}) {
        String body = get(port, "/api/metrics?scope=" + scope + granularity);
        assertFalse(body.contains("Infinity") || body.contains("NaN"), scope + ": " + body);
        com.fasterxml.jackson.databind.JsonNode answer = json.readTree(body);
        numbers += finiteNumbers(answer, scope);
        String asOf = answer.path("dataAsOf").asText(null);
        if (asOf != null) {
          assertTrue(
              Instant.parse(asOf).isBefore(Instant.now().plus(Duration.ofDays(2))),
              "data as of " + asOf);
        }
      }
    }
    assertTrue(numbers > 100, "figures read: " + numbers);
  }

  private static int finiteNumbers(com.fasterxml.jackson.databind.JsonNode node, String where) {
    int count = 0;
    if (node.isNumber()) {
      assertTrue(Double.isFinite(node.doubleValue()), where + ": " + node);
      return 1;
    }
    for (com.fasterxml.jackson.databind.JsonNode child : node) {
      count += finiteNumbers(child, where);
    }
    return count;
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
