package io.podometer.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.connectors.send.BatchSender;
import io.podometer.connectors.send.SendSettings;
import io.podometer.connectors.simulate.DemoOrganization;
import io.podometer.connectors.simulate.SimulateCommand;
import io.podometer.connectors.simulate.SimulationSettings;
import io.podometer.engine.time.IsoWeek;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./podometer bench-ingest}: a year of an organization posted through the real HTTP API into
 * a real server process, and what a user then sees ({@link IngestBenchSettings#USAGE}).
 */
public final class IngestBench {

  private final IngestBenchSettings settings;
  private final PrintStream out = System.out;
  private final List<String[]> rows = new ArrayList<>();

  private IngestBench(IngestBenchSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    IngestBenchSettings settings;
    try {
      settings = IngestBenchSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench-ingest: " + e.getMessage());
      System.err.println(IngestBenchSettings.USAGE);
      System.exit(2);
      return;
    }
    if (settings.help()) {
      System.out.println(IngestBenchSettings.USAGE);
      return;
    }
    try {
      new IngestBench(settings).run();
    } catch (Exception e) {
      System.err.println("bench-ingest: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Instant now = Instant.now();
    Files.createDirectories(settings.work());
    Path[] simulated = simulate(now);
    Path events = simulated[0];
    long ndjsonBytes = Files.size(events);
    long lines;
    try (var stream = Files.lines(events)) {
      lines = stream.count();
    }
    report(
        "machine",
        String.format(
            Locale.ROOT,
            "%d cores, Java %s, %s; server -Xmx%s, %s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("os.name"),
            settings.heap(),
            settings.db().equals("pg") ? "PostgreSQL" : "embedded H2"));
    report(
        "data",
        String.format(
            Locale.ROOT,
            "%,d engineers, %d weeks ending %s: %,d events, %,d MB of NDJSON",
            settings.engineers(),
            settings.weeks(),
            IsoWeek.of(now, ZoneOffset.UTC),
            lines,
            ndjsonBytes >> 20));
    if (settings.db().equals("pg")) {
      emptyPostgres();
    }
    Path data = settings.work().resolve("data-" + settings.db());
    deleteTree(data);
    try (BenchServer server = BenchServer.start(settings, data)) {
      ServerApi api = new ServerApi(server.base);
      api.putOrg(Files.readString(simulated[1], StandardCharsets.UTF_8));
      Load load = load(server, events);
      long[] heap = server.heapAfterCollections();
      report(
          "server heap during the load",
          String.format(
              Locale.ROOT,
              "at most %,d MB after a collection (heap %,d MB, %d full collections)",
              heap[0],
              heap[1],
              server.fullCollections()));
      long current = figuresCurrent(api, load.endNanos());
      report("figures current after the last batch", seconds(current));
      // the recomputation and the size on disk are taken once the figures served are also stored
      long stored = figuresStored(api, load.endNanos());
      report("figures stored after the last batch", seconds(stored));
      long dbBytes = settings.db().equals("pg") ? postgresBytes() : server.embeddedDatabaseBytes();
      report(
          "database on disk after the load",
          String.format(
              Locale.ROOT,
              "%,d MB (%.1f× the NDJSON)",
              dbBytes >> 20,
              (double) dbBytes / ndjsonBytes));
      if (settings.db().equals("pg")) {
        // PostgreSQL vacuums and analyzes the tables the load filled (millions of rows) a minute
        // or so after it: on a 2-core machine that would be timed as the recomputation's
        report("PostgreSQL's autovacuum after the load", autovacuumOver());
      }
      Probes probes = new Probes(api, settings, this::report);
      long started = System.nanoTime();
      JsonNode recompute = api.recompute();
      report(
          "POST /api/admin/recompute after the load",
          recomputed(System.nanoTime() - started, recompute));
      // once more, posting new deployments one at a time while it runs: they keep showing
      AtomicLong recomputing = new AtomicLong();
      long again = System.nanoTime();
      CompletableFuture<JsonNode> second =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return api.recompute();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .whenComplete((answer, failure) -> recomputing.set(System.nanoTime() - again));
      probes.newEventsWhile(second, now);
      report("the same with new events meanwhile", recomputed(recomputing.get(), second.join()));
      probes.run(now);
      heap = server.heapAfterCollections();
      report(
          "server heap, whole run",
          String.format(
              Locale.ROOT,
              "at most %,d MB after a collection (heap %,d MB, %d full collections)",
              heap[0],
              heap[1],
              server.fullCollections()));
    }
    printTable();
  }

  private static String recomputed(long nanos, JsonNode answer) {
    return String.format(
        Locale.ROOT,
        "%s (%,d figures, %d changed, %d cells written)",
        seconds(nanos),
        answer.path("figures").asLong(),
        answer.path("changed").asLong(),
        answer.path("cellsWritten").asLong());
  }

  /** What the load measured: when it ended, and events/s per successive 100,000 events. */
  private record Load(long endNanos) {}

  private Load load(BenchServer server, Path events) throws IOException {
    int step = 100_000;
    List<Long> marks = new ArrayList<>();
    long start = System.nanoTime();
    marks.add(start);
    BatchSender.Listener listener =
        (stored, bytes) -> {
          synchronized (marks) {
            while (stored >= (long) marks.size() * step) {
              marks.add(System.nanoTime());
            }
          }
        };
    SendSettings send =
        SendSettings.of(
            server.base.resolve("/api/events"), settings.batch(), settings.parallel(), 5);
    int status;
    try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
      status =
          new BatchSender(
                  send,
                  server.cliToken(),
                  new PrintStream(OutputStream.nullOutputStream()),
                  System.err,
                  listener)
              .send(reader);
    }
    long end = System.nanoTime();
    if (status != 0) {
      throw new IllegalStateException("the load failed (see above)");
    }
    long total;
    try (var stream = Files.lines(events)) {
      total = stream.count();
    }
    report(
        "whole load through the API",
        String.format(
            Locale.ROOT,
            "%,.0f events/s (%,d events in %s; %d per request, %d in flight)",
            total / ((end - start) / 1e9),
            total,
            seconds(end - start),
            settings.batch(),
            settings.parallel()));
    List<Double> rates = new ArrayList<>();
    for (int i = 1; i < marks.size(); i++) {
      rates.add(step / ((marks.get(i) - marks.get(i - 1)) / 1e9));
    }
    if (rates.size() >= 2) {
      StringBuilder each = new StringBuilder();
      for (double rate : rates) {
        each.append(each.length() == 0 ? "" : ", ")
            .append(String.format(Locale.ROOT, "%,.0f", rate));
      }
      double first = rates.get(0);
      double last = rates.get(rates.size() - 1);
      report(
          "events/s per successive 100,000",
          String.format(
              Locale.ROOT,
              "%s; the last 100k took %.2f× the time of the first",
              each,
              first / last));
    }
    return new Load(end);
  }

  /** Nanoseconds from the end of the load until the figures say they are current. */
  private long figuresCurrent(ServerApi api, long loadEnd) throws IOException {
    while (true) {
      JsonNode answer = api.get("/api/metrics?scope=org&metric=deployment_frequency");
      if (!answer.path("catchingUp").asBoolean(true)) {
        return System.nanoTime() - loadEnd;
      }
      if (System.nanoTime() - loadEnd > 30L * 60 * 1_000_000_000L) {
        throw new IllegalStateException("the figures were still catching up after 30 minutes");
      }
      BenchServer.sleep(200);
    }
  }

  /**
   * Nanoseconds from the end of the load until the figures served are stored too (no cell waits for
   * the store writer).
   */
  private long figuresStored(ServerApi api, long loadEnd) throws IOException {
    while (true) {
      JsonNode pipeline = api.get("/api/admin/figures");
      if (pipeline.path("cellsStoring").asInt(-1) == 0) {
        return System.nanoTime() - loadEnd;
      }
      if (System.nanoTime() - loadEnd > 30L * 60 * 1_000_000_000L) {
        throw new IllegalStateException("figures were still being stored after 30 minutes");
      }
      BenchServer.sleep(200);
    }
  }

  /** The simulated events and organization model, kept in the work directory for the day. */
  private Path[] simulate(Instant now) throws IOException {
    String name =
        "sim-"
            + settings.engineers()
            + "x"
            + settings.weeks()
            + "-"
            + LocalDate.ofInstant(now, ZoneOffset.UTC);
    Path events = settings.work().resolve(name + ".ndjson");
    Path org = settings.work().resolve(name + ".yaml");
    if (!Files.exists(events) || !Files.exists(org)) {
      long started = System.nanoTime();
      DemoOrganization demo =
          new DemoOrganization(
              SimulationSettings.defaults(Clock.fixed(now, ZoneOffset.UTC))
                  .withEngineers(settings.engineers())
                  .withWeeks(settings.weeks()));
      Path partial = settings.work().resolve(name + ".ndjson.part");
      try (OutputStream file = Files.newOutputStream(partial)) {
        SimulateCommand.writeEvents(demo, file);
      }
      Files.writeString(org, demo.orgYaml(), StandardCharsets.UTF_8);
      Files.move(partial, events, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      System.err.printf(
          Locale.ROOT, "simulated in %s: %s%n", seconds(System.nanoTime() - started), events);
    }
    return new Path[] {events, org};
  }

  private void emptyPostgres() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        Statement s = c.createStatement()) {
      s.execute("drop schema public cascade");
      s.execute("create schema public");
    }
  }

  /**
   * Waits, for at most 3 minutes, until no table awaits PostgreSQL's autovacuum: none has more rows
   * inserted since its last vacuum, or changed since its last analyze, than the defaults'
   * thresholds (1,000 + 20 % and 50 + 10 % of its rows). Says how long that took. (The workers
   * themselves are not visible to the benchmark's role in {@code pg_stat_activity}; the tables'
   * counters are, to their owner.)
   */
  private String autovacuumOver() throws SQLException, InterruptedException {
    long started = System.nanoTime();
    try (Connection c =
        DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
      while (true) {
        long awaiting;
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "select count(*) from pg_stat_user_tables where n_ins_since_vacuum > 1000 +"
                        + " 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup")) {
          rs.next();
          awaiting = rs.getLong(1);
        }
        long waited = System.nanoTime() - started;
        if (awaiting == 0) {
          return "no table awaited it after "
              + seconds(waited)
              + " (the recomputation below is timed after it)";
        }
        if (waited > TimeUnit.MINUTES.toNanos(3)) {
          return awaiting + " tables still awaited it after " + seconds(waited);
        }
        Thread.sleep(500);
      }
    }
  }

  private long postgresBytes() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  void report(String what, String value) {
    rows.add(new String[] {what, value});
    out.printf(Locale.ROOT, "%-42s %s%n", what + ":", value);
    out.flush();
  }

  private void printTable() {
    out.println();
    out.println("| measure | result |");
    out.println("|---|---|");
    for (String[] row : rows) {
      out.println("| " + row[0] + " | " + row[1] + " |");
    }
  }

  static String seconds(long nanos) {
    return Latencies.ms(nanos / 1e6);
  }
}
