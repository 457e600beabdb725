package io.podometer.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.github.FakeGitHub;
import io.podometer.connectors.github.GitHubSignature;
import io.podometer.engine.time.IsoWeek;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./podometer bench-webhooks}: a burst of GitHub webhook deliveries — GitHub's own published
 * {@code pull_request} example, one PR opened then merged per pair — sent open-loop at a fixed rate
 * to a real running server, then the time until the figures count every merge; and a backfill of a
 * generated repository from a local fake GitHub API through the same server, in events per second.
 */
public final class WebhookBench {

  private static final String SECRET = "bench-webhook-secret";
  private static final String REPO = "acme/bench";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookBench() {}

  public static void main(String[] args) throws Exception {
    int rate = 200;
    int seconds = 30;
    int pulls = 400;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rate" -> rate = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--backfill-pulls" -> pulls = Integer.parseInt(args[i + 1]);
        default -> {
          System.err.println(
              "Usage: ./podometer bench-webhooks [--rate 200] [--seconds 30] [--backfill-pulls 400]");
          System.exit(2);
        }
      }
    }
    Path work = Path.of("target/bench-webhooks");
    deleteTree(work);
    IngestBenchSettings settings =
        IngestBenchSettings.parse(new String[] {"--work", work.toString()});
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, Java %s; server -Xmx%s, embedded H2%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        settings.heap());
    try (BenchServer server =
        BenchServer.start(
            settings, work.resolve("data"), Map.of("PODOMETER_GITHUB_WEBHOOK_SECRETS", SECRET))) {
      ServerApi api = new ServerApi(server.base);
      api.putOrg(org());
      burst(server.base, api, rate, seconds);
      backfill(api, pulls);
    }
  }

  private static String org() {
    StringBuilder yaml =
        new StringBuilder(
            "org: {name: Bench, timeZone: UTC}\npods: [{id: bench, name: Bench}]\nmembers:\n");
    for (int m = 0; m < 12; m++) {
      yaml.append(
          String.format(
              Locale.ROOT,
              "  - {id: dev%d, name: Dev %d, role: engineer, identities: {github: [dev%d]},"
                  + " memberships: [{pod: bench, from: 2020-01-06}]}%n",
              m,
              m,
              m));
    }
    return yaml
        + "services:\n  - {id: bench-api, pod: bench, repos: ["
        + REPO
        + "]}\n"
        + "  - {id: shop-api, pod: bench, repos: [acme/shop]}\n";
  }

  private static void burst(URI base, ServerApi api, int rate, int seconds) throws Exception {
    ObjectNode example;
    try (InputStream in =
        WebhookBench.class.getResourceAsStream(
            "/io/podometer/connectors/github/GitHubWebhookMapperTest/pull_request.opened.json")) {
      example = (ObjectNode) JSON.readTree(in);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    int total = rate * seconds;
    List<byte[]> bodies = new ArrayList<>(total);
    for (int k = 0; k < total; k++) {
      bodies.add(delivery(example, k / 2 + 1, k % 2 == 1, now).getBytes(StandardCharsets.UTF_8));
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Latencies latencies = new Latencies();
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicLong lastAnswer = new AtomicLong();
    ExecutorService senders = Executors.newFixedThreadPool(64);
    List<Future<?>> sent = new ArrayList<>(total);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int k = 0; k < total; k++) {
      long due = start + k * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      byte[] body = bodies.get(k);
      String id = "bench-" + k;
      String event = "pull_request";
      sent.add(
          senders.submit(
              () -> {
                HttpRequest request =
                    HttpRequest.newBuilder(base.resolve("/api/webhooks/github"))
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Event", event)
                        .header("X-GitHub-Delivery", id)
                        .header(GitHubSignature.HEADER, GitHubSignature.of(SECRET, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                try {
                  HttpResponse<Void> response =
                      http.send(request, HttpResponse.BodyHandlers.discarding());
                  // from when it was due: a sender that falls behind shows as latency
                  latencies.add(System.nanoTime() - due);
                  (response.statusCode() / 100 == 2 ? accepted : refused).incrementAndGet();
                } catch (IOException e) {
                  refused.incrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                return null;
              }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    senders.shutdown();
    double took = (lastAnswer.get() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "webhook burst: %d deliveries (%d bytes each) at %d/s for %d s: %d answered 2xx, %d not;"
            + " time to the 2xx %s; all answered after %.1f s%n",
        total,
        bodies.get(0).length,
        rate,
        seconds,
        accepted.get(),
        refused.get(),
        latencies.summary(),
        took);
    // figures current: the week's merged pull requests count every merge delivered
    int merges = total / 2;
    String week = IsoWeek.of(now, ZoneOffset.UTC).toString();
    long end = lastAnswer.get();
    while (true) {
      JsonNode answer =
          api.get(
              "/api/metrics?scope=repo:"
                  + ServerApi.encode(REPO)
                  + "&metric=agent_authored_prs&from="
                  + week
                  + "&to="
                  + week);
      JsonNode figure = answer.path("metrics").path(0).path("figures").path(0);
      if (figure.path("den").asInt() == merges) {
        System.out.printf(
            Locale.ROOT,
            "figures current (%d merges counted) %.2f s after the last delivery's answer%n",
            merges,
            (System.nanoTime() - end) / 1e9);
        break;
      }
      if (System.nanoTime() - end > 120_000_000_000L) {
        System.out.println("figures not current after 120 s: " + figure);
        break;
      }
      Thread.sleep(20);
    }
    JsonNode sources = api.get("/api/sources");
    for (JsonNode source : sources) {
      if (source.path("id").asText().equals("github-webhook")) {
        System.out.println("webhook source: " + source.path("webhook"));
      }
    }
  }

  /** GitHub's example delivery as PR {@code number}, opened or merged by one of the pod. */
  private static String delivery(ObjectNode example, int number, boolean merged, Instant now) {
    ObjectNode body = example.deepCopy();
    body.put("action", merged ? "closed" : "opened");
    body.put("number", number);
    ObjectNode pr = (ObjectNode) body.get("pull_request");
    pr.put("number", number);
    pr.put("title", "Change " + number);
    ((ObjectNode) pr.get("user")).put("login", "dev" + (number % 12));
    ((ObjectNode) pr.get("head")).put("ref", "dev" + (number % 12) + "/change-" + number);
    pr.put("created_at", now.minusSeconds(3600).toString());
    pr.put("updated_at", now.toString());
    if (merged) {
      pr.put("state", "closed");
      pr.put("merged", true);
      pr.put("closed_at", now.toString());
      pr.put("merged_at", now.toString());
      pr.put("merge_commit_sha", String.format("%040x", number));
      pr.set("merged_by", pr.get("user"));
    }
    ((ObjectNode) body.get("repository")).put("full_name", REPO);
    ((ObjectNode) body.get("repository")).put("name", "bench");
    return body.toString();
  }

  /** A repository of {@code pulls} merged PRs, each with a review and a commit, synced once. */
  private static void backfill(ServerApi api, int pulls) throws Exception {
    try (FakeGitHub github = new FakeGitHub()) {
      GeneratedRepository.serve(github, pulls);
      JsonNode created =
          api.postJson(
              "/api/sources/github",
              JSON.writeValueAsString(
                  Map.of(
                      "repos",
                      List.of("acme/shop"),
                      "token",
                      "bench-token",
                      "apiUrl",
                      github.url())),
              201);
      String id = created.path("id").asText();
      long start = System.nanoTime();
      api.postJson("/api/sources/github/" + id + "/sync", "", 202);
      JsonNode source;
      do {
        Thread.sleep(100);
        source = api.get("/api/sources/github/" + id);
      } while (source.path("syncing").asBoolean());
      double took = (System.nanoTime() - start) / 1e9;
      long events = source.path("progress").path("itemsDone").asLong();
      System.out.printf(
          Locale.ROOT,
          "backfill of %d pull requests (each with a review and a commit fetched alone: %d requests)"
              + " from a local fake GitHub: %s, %d events in %.1f s = %.0f events/s, %.0f requests/s%n",
          pulls,
          github.requests().size(),
          source.path("lastState").asText(),
          events,
          took,
          events / took,
          github.requests().size() / took);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
