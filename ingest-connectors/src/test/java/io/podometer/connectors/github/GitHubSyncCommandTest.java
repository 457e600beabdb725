package io.podometer.connectors.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The command line against a stand-in for Podometer's sources API. */
class GitHubSyncCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(FakeGitHub podometer, Map<String, String> env, String... args) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("PODOMETER_URL", podometer.url());
    all.put("PODOMETER_TOKEN", "pdm_admin-token");
    return GitHubSyncCommand.run(
        args,
        all,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        true,
        Duration.ofMillis(10));
  }

  @Test
  void addsTheSourceWhenNoneReadsTheRepositoryThenDrawsTheSyncUntilItEnds() throws Exception {
    try (FakeGitHub podometer = new FakeGitHub()) {
      AtomicInteger polls = new AtomicInteger();
      podometer.json("/api/sources/github", "[]");
      podometer.route(
          "/api/sources/github/github-abc",
          q ->
              FakeGitHub.Answer.json(
                  polls.incrementAndGet() < 3
                      ? "{\"id\":\"github-abc\",\"syncing\":true,\"progress\":{\"state\":\"WAITING\","
                          + "\"itemsDone\":10,\"itemsPerSecond\":5.0,\"waitingUntil\":\"2026-03-10T12:10:00Z\","
                          + "\"waitingFor\":\"GitHub's rate limit\"}}"
                      : "{\"id\":\"github-abc\",\"syncing\":false,\"lastState\":\"done\",\"progress\":"
                          + "{\"state\":\"DONE\",\"itemsDone\":22,\"itemsPerSecond\":11.0,\"stoppedStreams\":{}}}"));
      podometer.routePost("/api/sources/github", 201, "{\"id\":\"github-abc\"}");
      podometer.routePost("/api/sources/github/github-abc/sync", 202, "{\"id\":\"github-abc\"}");
      int code = run(podometer, Map.of("GITHUB_TOKEN", "ghp_x"), "sync", "acme/shop");
      assertEquals(0, code, err.toString());
      String printed = out.toString(StandardCharsets.UTF_8);
      assertTrue(printed.contains("added source github-abc for acme/shop"), printed);
      assertTrue(printed.contains("sync of github-abc done: 22 events"), printed);
      String drawn = err.toString(StandardCharsets.UTF_8);
      assertTrue(
          drawn.contains("waiting · 10 events · 5.0 events/s · waiting until 2026-03-10T12:10:00Z"),
          drawn);
      assertTrue(
          podometer.requests().contains("POST /api/sources/github"),
          podometer.requests().toString());
    }
  }

  @Test
  void aFailedSyncExitsOneWithItsReasonAndNoTokenMeansNoNewSource() throws Exception {
    try (FakeGitHub podometer = new FakeGitHub()) {
      podometer.json(
          "/api/sources/github",
          "[{\"id\":\"github-abc\",\"apiUrl\":\"https://api.github.com\",\"repos\":[\"acme/shop\"]}]");
      podometer.json(
          "/api/sources/github/github-abc",
          "{\"id\":\"github-abc\",\"syncing\":false,\"lastState\":\"failed\","
              + "\"lastError\":\"sign in: bad credentials (401); check the token\",\"progress\":{\"state\":\"FAILED\",\"itemsDone\":0}}");
      podometer.routePost("/api/sources/github/github-abc/sync", 202, "{}");
      assertEquals(1, run(podometer, Map.of(), "sync", "acme/shop"));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("bad credentials (401)"));
      // another repository has no source, and without GITHUB_TOKEN none is added
      assertEquals(2, run(podometer, Map.of(), "sync", "acme/other"));
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("set GITHUB_TOKEN"));
      assertEquals(2, run(podometer, Map.of(), "sync", "not a repo"));
    }
  }
}
