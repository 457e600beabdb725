package io.podometer.connectors.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.connectors.source.Checkpoints;
import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.connectors.source.RawPayload;
import io.podometer.connectors.source.SourceProgress;
import io.podometer.connectors.source.SourceRun;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST backfill against a local GitHub API answering GitHub's shapes: paging by Link headers,
 * both kinds of rate limit waited out, a repository that is not there, a sync killed midway and run
 * again, and a re-run that fetches only what changed.
 */
class GitHubBackfillTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private FakeGitHub github;
  private final Map<String, String> cursors = new ConcurrentHashMap<>();
  private final List<RawPayload> kept = new ArrayList<>();
  private final Map<String, CanonicalEvent> stored = new TreeMap<>();
  private final List<Duration> waits = new ArrayList<>();
  private final SourceProgress progress = new SourceProgress();

  @BeforeEach
  void serve() throws Exception {
    github = new FakeGitHub();
    RecordedRepository.serve(github);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private SourceRun run(EventSink sink) {
    Checkpoints checkpoints =
        new Checkpoints() {
          @Override
          public Optional<String> cursor(String stream) {
            return Optional.ofNullable(cursors.get(stream));
          }

          @Override
          public void save(String stream, String cursor) {
            cursors.put(stream, cursor);
          }
        };
    return new SourceRun(
        "github-1",
        sink,
        payload -> kept.add(payload),
        checkpoints,
        progress,
        Clock.fixed(NOW, ZoneOffset.UTC),
        waits::add);
  }

  /** Stores like the event store: one event per id and payload. */
  private EventSink storing() {
    return events -> {
      int accepted = 0;
      for (CanonicalEvent event : events) {
        if (stored.put(event.id() + " " + event.canonicalJson(), event) == null) {
          accepted++;
        }
      }
      return CompletableFuture.completedFuture(
          new IngestReceipt(accepted, events.size() - accepted, 0));
    };
  }

  private GitHubBackfill backfill(String... repos) {
    return new GitHubBackfill(
        new GitHubSource("github-1", github.url(), List.of(repos), "ghp_test-token-not-real", true),
        new GitHubSettings(Set.of("incident"), Map.of("acme/shop", "shop-api")),
        new EventCodec());
  }

  private Set<String> ids() {
    return stored.values().stream()
        .map(CanonicalEvent::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aRepositorysHistoryBecomesEventsThroughBothRateLimits() throws Exception {
    // a secondary limit on the second page, a primary one on the runs
    github.failFirst(
        "/repos/acme/shop/pulls/2",
        new FakeGitHub.Answer(
            403,
            Map.of("Retry-After", "30", "Content-Type", "application/json"),
            "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\",\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits\",\"status\":\"403\"}"));
    github.failFirst(
        "/repos/acme/shop/actions/runs",
        new FakeGitHub.Answer(
            403,
            Map.of(
                "x-ratelimit-limit", "5000",
                "x-ratelimit-remaining", "0",
                "x-ratelimit-used", "5000",
                "x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 600),
                "Content-Type", "application/json"),
            "{\"message\":\"API rate limit exceeded for user ID 1.\",\"documentation_url\":\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\",\"status\":\"403\"}"));
    backfill("acme/shop").sync(run(storing()));

    SourceProgress.Snapshot done = progress.snapshot(NOW);
    assertEquals(SourceProgress.State.DONE, done.state(), () -> "last error: " + done.lastError());
    // retry-after 30 s and the reset 600 s ahead, each and a second
    assertEquals(List.of(Duration.ofSeconds(31), Duration.ofSeconds(601)), waits);
    assertEquals(
        new TreeSet<>(
            List.of(
                "pr:acme/shop#1:opened",
                "pr:acme/shop#1:closed",
                "pr:acme/shop#2:opened",
                "pr:acme/shop#2:merged",
                "pr:acme/shop#3:opened",
                "review:acme/shop#1:801",
                "review:acme/shop#2:802",
                "review:acme/shop#3:803",
                "commit:acme/shop@" + RecordedRepository.sha(1),
                "commit:acme/shop@" + RecordedRepository.sha(2),
                "commit:acme/shop@" + RecordedRepository.sha(3),
                "ci:acme/shop:9001",
                "deploy:shop-api:501",
                "incident:acme/shop#9:opened",
                "incident:acme/shop#9:resolved")),
        ids());
    // the merged PR has its line counts from the single pull request
    CanonicalEvent merged = only("pr:acme/shop#2:merged");
    assertEquals(120, merged.dataTree().get("additions").asInt());
    // its commit has its PR, its files (the image is binary) and an agent co-author trailer
    // (listed under its PR, then fetched alone with its files: two payloads of one commit)
    CanonicalEvent commit =
        stored.values().stream()
            .filter(
                e ->
                    e.id().equals("commit:acme/shop@" + RecordedRepository.sha(2))
                        && e.dataTree().has("files"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        stored.values().stream()
            .anyMatch(
                e ->
                    e.id().equals("commit:acme/shop@" + RecordedRepository.sha(2))
                        && e.dataTree().path("prNumber").asInt() == 2));
    assertEquals(
        "[{\"path\":\"src/cart.py\",\"additions\":100,\"deletions\":2},"
            + "{\"path\":\"img/cart.png\",\"additions\":0,\"deletions\":0,\"binary\":true}]",
        commit.dataTree().get("files").toString());
    assertEquals("Co-authored-by", commit.dataTree().at("/trailers/0/key").asText());
    // the deployment finished with its latest final status
    CanonicalEvent deploy = only("deploy:shop-api:501");
    assertEquals("2026-03-05T10:05:00Z", deploy.dataTree().get("finishedAt").asText());
    // every page that gave events is kept, named by its request
    assertTrue(kept.stream().anyMatch(p -> p.name().startsWith("GET /repos/acme/shop/pulls?")));
    assertTrue(
        kept.stream()
            .anyMatch(
                p -> p.name().equals("GET /repos/acme/shop/commits/" + RecordedRepository.sha(2))));
    assertTrue(kept.stream().noneMatch(p -> p.name().equals("GET /user")));
    // and the token went to GitHub only, never into a kept page
    assertTrue(kept.stream().noneMatch(p -> p.body().contains("ghp_test-token-not-real")));
    assertEquals("2026-03-04T12:00:00Z", cursors.get("acme/shop:pulls"));
  }

  @Test
  void aReRunFetchesOnlyWhatChanged() throws Exception {
    backfill("acme/shop").sync(run(storing()));
    github.clearRequests();
    // #3 was updated since; nothing else was
    github.pages(
        "/repos/acme/shop/pulls",
        List.of(
            RecordedRepository.pr(3, false).replace("2026-03-04T12:00:00Z", "2026-03-09T08:00:00Z"),
            RecordedRepository.pr(2, true),
            RecordedRepository.pr(1, true)),
        2);
    backfill("acme/shop").sync(run(storing()));
    List<String> pulls = github.requests().stream().filter(r -> r.contains("/pulls/")).toList();
    assertTrue(pulls.stream().allMatch(r -> r.contains("/pulls/3")), pulls.toString());
    assertTrue(
        github.requests().stream().noneMatch(r -> r.contains("page=2")),
        github.requests().toString());
    assertEquals("2026-03-09T08:00:00Z", cursors.get("acme/shop:pulls"));
  }

  @Test
  void aSyncKilledMidwayAndRunAgainGivesTheSameFactsOnce() throws Exception {
    backfill("acme/shop").sync(run(storing()));
    Map<String, CanonicalEvent> clean = new TreeMap<>(stored);
    stored.clear();
    cursors.clear();
    kept.clear();
    // the store goes away after its first batch (the first page of pull requests: #3 and #2)
    int[] batches = {0};
    EventSink dying =
        events -> {
          if (++batches[0] > 1) {
            CompletableFuture<IngestReceipt> failed = new CompletableFuture<>();
            failed.completeExceptionally(new IllegalStateException("store gone"));
            return failed;
          }
          return storing().publish(events);
        };
    backfill("acme/shop").sync(run(dying));
    assertEquals(SourceProgress.State.FAILED, progress.snapshot(NOW).state());
    assertTrue(progress.snapshot(NOW).lastError().contains("store gone"));
    // no cursor moved; the listing left its mark: from #3's update down to #2's was done
    assertEquals(null, cursors.get("acme/shop:pulls"));
    assertEquals(null, cursors.get("acme/shop:runs"), "the cursor of what was not stored");
    assertEquals(
        "2026-03-04T12:00:00Z|2026-03-03T12:00:00Z", cursors.get("acme/shop:pulls:resume"));
    assertTrue(stored.size() < clean.size());
    github.clearRequests();
    backfill("acme/shop").sync(run(storing()));
    assertEquals(SourceProgress.State.DONE, progress.snapshot(NOW).state());
    // resumed: #3 (done, unchanged) is not fetched again; #2 (on the mark) and #1 are
    List<String> details =
        github.requests().stream()
            .filter(r -> r.matches("GET /repos/acme/shop/pulls/\\d+"))
            .toList();
    assertEquals(List.of("GET /repos/acme/shop/pulls/2", "GET /repos/acme/shop/pulls/1"), details);
    assertEquals("", cursors.get("acme/shop:pulls:resume"), "the pass is complete");
    assertEquals("2026-03-04T12:00:00Z", cursors.get("acme/shop:pulls"));
    assertEquals(clean.keySet(), stored.keySet());
  }

  @Test
  void aRepositoryThatIsNotThereStopsAloneAndBadCredentialsStopTheSync() throws Exception {
    backfill("acme/gone", "acme/shop").sync(run(storing()));
    SourceProgress.Snapshot done = progress.snapshot(NOW);
    assertEquals(SourceProgress.State.DONE, done.state());
    assertTrue(done.stoppedStreams().get("acme/gone").contains("not found (404)"), done.toString());
    assertTrue(ids().contains("pr:acme/shop#2:merged"));

    // GitHub refuses a revoked token on every request
    github.route(
        "/repos/acme/shop",
        query ->
            new FakeGitHub.Answer(
                401,
                Map.of("Content-Type", "application/json"),
                "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}"));
    backfill("acme/shop", "acme/other").sync(run(storing()));
    SourceProgress.Snapshot refused = progress.snapshot(NOW);
    assertEquals(SourceProgress.State.FAILED, refused.state());
    assertTrue(refused.lastError().contains("bad credentials (401)"), refused.lastError());
    // the sync stopped there: no other repository was tried with the refused token
    assertTrue(github.requests().stream().noneMatch(r -> r.contains("acme/other")));
  }

  @Test
  void aServerErrorIsTriedAgain() throws Exception {
    github.failFirst(
        "/repos/acme/shop/deployments",
        new FakeGitHub.Answer(
            502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>"));
    backfill("acme/shop").sync(run(storing()));
    assertEquals(SourceProgress.State.DONE, progress.snapshot(NOW).state());
    assertTrue(ids().contains("deploy:shop-api:501"));
    assertTrue(waits.contains(Duration.ofSeconds(1)), waits.toString());
  }

  private CanonicalEvent only(String id) {
    List<CanonicalEvent> found = stored.values().stream().filter(e -> e.id().equals(id)).toList();
    assertEquals(1, found.size(), id);
    return found.get(0);
  }

  @Test
  void aGitHubAppSignsInWithItsKeyAsGitHubHandsItOutAndReadsWithAnInstallationToken()
      throws Exception {
    java.security.KeyPair keys = RecordedRepository.appKey();
    // GitHub's download is PKCS#1 ("BEGIN RSA PRIVATE KEY")
    String pem = RecordedRepository.pkcs1Pem(keys.getPrivate());
    RecordedRepository.serveApp(github);
    new GitHubBackfill(
            new GitHubSource(
                "github-1",
                github.url(),
                List.of("acme/shop"),
                null,
                new GitHubApp("4242", pem),
                true),
            new GitHubSettings(Set.of("incident"), Map.of("acme/shop", "shop-api")),
            new EventCodec())
        .sync(run(storing()));
    SourceProgress.Snapshot done = progress.snapshot(NOW);
    assertEquals(SourceProgress.State.DONE, done.state(), () -> "last error: " + done.lastError());
    assertTrue(ids().contains("pr:acme/shop#2:merged"));
    // the App's JWT (RS256, signed with the key) asked for the installation token…
    String jwt = github.authorizations().get("POST /app/installations/77/access_tokens");
    assertTrue(jwt != null && jwt.startsWith("Bearer "), String.valueOf(jwt));
    String[] parts = jwt.substring(7).split("\\.");
    java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
    rs256.initVerify(keys.getPublic());
    rs256.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(
        rs256.verify(java.util.Base64.getUrlDecoder().decode(parts[2])), "signed by the key");
    // …which then read the repository
    assertEquals(
        "token " + RecordedRepository.INSTALLATION_TOKEN,
        github.authorizations().get("GET /repos/acme/shop/pulls"));
  }

  @Test
  void anAppKeyThatIsNoKeyStopsTheSyncSayingSo() throws Exception {
    new GitHubBackfill(
            new GitHubSource(
                "github-1",
                github.url(),
                List.of("acme/shop"),
                null,
                new GitHubApp(
                    "4242",
                    "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5\n-----END RSA PRIVATE KEY-----"),
                true),
            new GitHubSettings(Set.of("incident"), Map.of()),
            new EventCodec())
        .sync(run(storing()));
    SourceProgress.Snapshot refused = progress.snapshot(NOW);
    assertTrue(refused.lastError().contains("private key cannot be read"), refused.toString());
  }
}
