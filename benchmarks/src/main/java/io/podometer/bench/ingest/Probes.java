package io.podometer.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.engine.time.IsoWeek;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * What a user sees once the history is in: how soon a new event shows in the figures (while another
 * client keeps reading, to see that reads never wait for the update), and how long range totals and
 * drill-downs take for scopes of every kind.
 */
final class Probes {

  private static final List<String> KINDS =
      List.of("org", "pillar", "pod", "service", "repo", "bet", "sto");

  private static final int LARGE_BATCH = 100_000;

  private final ServerApi api;
  private final IngestBenchSettings settings;
  private final BiConsumer<String, String> report;
  private final Random random = new Random(20261202);

  Probes(ServerApi api, IngestBenchSettings settings, BiConsumer<String, String> report) {
    this.api = api;
    this.settings = settings;
    this.report = report;
  }

  /**
   * New deployments of one service, one at a time, while {@code recomputation} runs: each from just
   * before its POST until /api/metrics shows it.
   */
  void newEventsWhile(Future<?> recomputation, Instant now) throws Exception {
    IsoWeek week = IsoWeek.of(now, ZoneOffset.UTC);
    String service = serviceOf(scopesByKind().get("service"));
    Latencies visible = new Latencies();
    Thread.sleep(1_000); // the recomputation under way
    while (!recomputation.isDone()) {
      visible.add(showOne(service, week, new Latencies()));
      Thread.sleep(500);
    }
    report.accept(
        "a new event visible while the recomputation runs",
        visible.count() == 0 ? "none (it ended first)" : visible.summary());
  }

  void run(Instant now) throws Exception {
    IsoWeek week = IsoWeek.of(now, ZoneOffset.UTC);
    Map<String, List<String>> scopes = scopesByKind();
    newEventsShow(week, scopes.get("service"));
    List<String> metrics = new ArrayList<>();
    api.get("/api/metrics/catalog").forEach(m -> metrics.add(m.path("id").asText()));
    Latencies totals = new Latencies();
    Latencies drilldowns = new Latencies();
    Map<String, Latencies> drilldownsByKind = new LinkedHashMap<>();
    KINDS.forEach(kind -> drilldownsByKind.put(kind, new Latencies()));
    int missing = 0;
    for (int i = 0; i < settings.reads(); i++) {
      String scope = pick(scopes);
      String metric = metrics.get(random.nextInt(metrics.size()));
      IsoWeek last = week.plusWeeks(-1);
      IsoWeek first = last.plusWeeks(-(3 + random.nextInt(23)));
      long t = System.nanoTime();
      api.get(
          "/api/metrics?scope="
              + ServerApi.encode(scope)
              + "&metric="
              + metric
              + "&from="
              + first
              + "&to="
              + last
              + "&granularity=total");
      totals.add(System.nanoTime() - t);
      IsoWeek one = last.plusWeeks(-random.nextInt(26));
      t = System.nanoTime();
      JsonNode items =
          api.getOrNull(
              "/api/metrics/drilldown?scope="
                  + ServerApi.encode(scope)
                  + "&metric="
                  + metric
                  + "&week="
                  + one);
      long took = System.nanoTime() - t;
      drilldowns.add(took);
      drilldownsByKind
          .get(scope.substring(0, scope.indexOf(':') < 0 ? scope.length() : scope.indexOf(':')))
          .add(took);
      if (items == null) {
        missing++;
      }
    }
    report.accept("granularity=total, scopes of every kind, 4-26 weeks", totals.summary());
    report.accept(
        "drill-down, scopes of every kind, one week",
        drilldowns.summary() + "; " + missing + " cells without data answered 404");
    StringBuilder byKind = new StringBuilder();
    drilldownsByKind.forEach(
        (kind, latencies) -> {
          if (latencies.count() > 0) {
            byKind
                .append(byKind.length() == 0 ? "" : ", ")
                .append(kind)
                .append(' ')
                .append(Latencies.ms(latencies.percentile(50)))
                .append('/')
                .append(Latencies.ms(latencies.percentile(99)));
          }
        });
    report.accept("drill-down by scope kind, p50/p99", byKind.toString());
    oneLargeBatch(scopes.get("service"));
  }

  /**
   * New deployments of one service, one at a time: from just before the POST until /api/metrics
   * shows it. A second client reads the organization's figures all along.
   */
  private void newEventsShow(IsoWeek week, List<String> services) throws Exception {
    String service = serviceOf(services);
    Latencies visible = new Latencies();
    Latencies posted = new Latencies();
    Latencies reads = new Latencies();
    AtomicBoolean reading = new AtomicBoolean(true);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    Future<?> readerDone =
        reader.submit(
            () -> {
              while (reading.get()) {
                long t = System.nanoTime();
                api.get("/api/metrics?scope=org&metric=lead_time_p50_hours,ai_code_share");
                reads.add(System.nanoTime() - t);
              }
              return null;
            });
    try {
      for (int probe = 0; probe < settings.probes(); probe++) {
        visible.add(showOne(service, week, posted));
        Thread.sleep(200);
      }
    } finally {
      reading.set(false);
      readerDone.get();
      reader.shutdown();
    }
    report.accept(
        "a new event visible in /api/metrics",
        visible.summary() + "; slowest " + visible.slowest(3));
    report.accept(
        "of which the POST of the event (stored)",
        posted.summary() + "; slowest " + posted.slowest(3));
    report.accept("reads meanwhile (another client, org figures)", reads.summary());
  }

  private static String serviceOf(List<String> services) {
    return services.get(0).substring("service:".length());
  }

  /**
   * Posts one new deployment of {@code service} now and waits until its week's deployment frequency
   * counts it; returns the nanoseconds from just before the POST (the POST's own go to {@code
   * posted}).
   */
  private long showOne(String service, IsoWeek week, Latencies posted) throws Exception {
    String figure =
        "/api/metrics?scope=service:"
            + ServerApi.encode(service)
            + "&metric=deployment_frequency&from="
            + week
            + "&to="
            + week;
    double before = value(api.get(figure));
    String at = Instant.now().toString();
    String id = "bench-" + System.nanoTime();
    long t = System.nanoTime();
    api.postEvent(
        "{\"id\":\"deploy:"
            + service
            + ":"
            + id
            + "\",\"type\":\"deployment.finished\",\"source\":\"bench\",\"occurredAt\":\""
            + at
            + "\",\"schema\":1,\"data\":{\"deploymentId\":\""
            + id
            + "\",\"service\":\""
            + service
            + "\",\"environment\":\"production\",\"status\":\"success\",\"finishedAt\":\""
            + at
            + "\"}}");
    posted.add(System.nanoTime() - t);
    while (value(api.get(figure)) < before + 1) {
      if (System.nanoTime() - t > 120_000_000_000L) {
        throw new IllegalStateException("a new deployment did not show within 2 minutes");
      }
      Thread.sleep(10);
    }
    return System.nanoTime() - t;
  }

  /**
   * One request of {@value #LARGE_BATCH} new deployments spread over the services and the last
   * weeks: accepted whole, within the ingestion's transaction timeout.
   */
  private void oneLargeBatch(List<String> services) throws IOException {
    StringBuilder ndjson = new StringBuilder(LARGE_BATCH * 400);
    Instant now = Instant.now();
    String run = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < LARGE_BATCH; i++) {
      String service = services.get(i % services.size()).substring("service:".length());
      String id = "bench-large-" + run + "-" + i;
      String at = now.minusSeconds(60L * (i % (60 * 24 * 28))).toString();
      ndjson
          .append("{\"id\":\"deploy:")
          .append(service)
          .append(':')
          .append(id)
          .append("\",\"type\":\"deployment.finished\",\"source\":\"bench\",\"occurredAt\":\"")
          .append(at)
          .append("\",\"schema\":1,\"data\":{\"deploymentId\":\"")
          .append(id)
          .append("\",\"service\":\"")
          .append(service)
          .append("\",\"environment\":\"production\",\"status\":\"success\",\"finishedAt\":\"")
          .append(at)
          .append("\"}}\n");
    }
    long t = System.nanoTime();
    JsonNode receipt = api.postNdjson(ndjson.toString());
    long took = System.nanoTime() - t;
    report.accept(
        "one request of 100,000 new events",
        String.format(
            Locale.ROOT,
            "202 in %.2f s (%,d MB; receipt: %s)",
            took / 1e9,
            ndjson.length() >> 20,
            receipt.toString()));
  }

  private static double value(JsonNode answer) {
    JsonNode figure = answer.path("metrics").path(0).path("figures").path(0);
    return figure.path("value").isNumber() ? figure.path("value").asDouble() : 0;
  }

  private Map<String, List<String>> scopesByKind() throws IOException {
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (JsonNode scope : api.get("/api/scopes")) {
      byKind
          .computeIfAbsent(scope.path("kind").asText(), k -> new ArrayList<>())
          .add(scope.path("id").asText());
    }
    return byKind;
  }

  /** A kind at random (each as likely), then a scope of that kind. */
  private String pick(Map<String, List<String>> scopes) {
    while (true) {
      List<String> ofKind = scopes.get(KINDS.get(random.nextInt(KINDS.size())));
      if (ofKind != null && !ofKind.isEmpty()) {
        return ofKind.get(random.nextInt(ofKind.size()));
      }
    }
  }
}
