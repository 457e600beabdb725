package io.podometer.bench.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server, started as a separate process the way a user starts it (its own JVM, heap
 * and GC log), on a free port and an empty data directory; stopped at the end.
 */
final class BenchServer implements AutoCloseable {

  static final String ADMIN_PASSWORD = "bench-admin-password";
  private static final Pattern AFTER_GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final Process process;
  private final Path data;
  private final Path gcLog;
  final URI base;

  private BenchServer(Process process, Path data, Path gcLog, URI base) {
    this.process = process;
    this.data = data;
    this.gcLog = gcLog;
    this.base = base;
  }

  static BenchServer start(IngestBenchSettings settings, Path data) throws IOException {
    return start(settings, data, Map.of());
  }

  /** A server with these environment variables too. */
  public static BenchServer start(IngestBenchSettings settings, Path data, Map<String, String> more)
      throws IOException {
    Path app =
        Path.of(
            settings.db().equals("pg")
                ? "web/target/quarkus-app-pg/quarkus-run.jar"
                : "web/target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(app)) {
      throw new IllegalStateException(
          "no server build at "
              + app
              + (settings.db().equals("pg")
                  ? " (build it: ./mvnw -B package -DskipTests -Dquarkus.profile=pg)"
                  : " (build it: ./mvnw -B package -DskipTests)"));
    }
    Files.createDirectories(data);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path gcLog = data.resolveSibling("server-gc.log");
    Path log = data.resolveSibling("server.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + settings.heap());
    // the whole heap committed from the start, as the README advises: G1 starts marking at 75 % of
    // the heap committed so far, which a heap grown on demand puts gigabytes lower
    command.add("-Xms" + settings.heap());
    // the collector as ./podometer starts the server
    command.add("-XX:-G1UseAdaptiveIHOP");
    command.add("-XX:InitiatingHeapOccupancyPercent=75");
    command.add("-XX:+ExplicitGCInvokesConcurrent");
    command.add("-Xlog:gc:file=" + gcLog);
    // e.g. a flight recording of the server while it is measured
    String extra = System.getenv("PODOMETER_BENCH_SERVER_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.strip().split("\\s+")));
    }
    command.add("-jar");
    command.add(app.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("PODOMETER_DATA", data.toAbsolutePath().toString());
    env.put("PODOMETER_DEMO", "false");
    env.put("PODOMETER_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.putAll(more);
    if (settings.db().equals("pg")) {
      env.put("PODOMETER_DB_URL", settings.dbUrl());
      env.put("PODOMETER_DB_USER", settings.dbUser());
      env.put("PODOMETER_DB_PASSWORD", settings.dbPassword());
    }
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    BenchServer server =
        new BenchServer(builder.start(), data, gcLog, URI.create("http://127.0.0.1:" + port));
    server.awaitReady(log);
    return server;
  }

  private void awaitReady(Path log) throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the server stopped while starting:\n" + Files.readString(log));
      }
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      sleep(250);
    }
    throw new IllegalStateException("the server was not ready within 3 minutes");
  }

  String cliToken() throws IOException {
    return Files.readString(data.resolve("cli-token"), StandardCharsets.UTF_8).strip();
  }

  /** Bytes of the embedded database files. */
  long embeddedDatabaseBytes() throws IOException {
    try (var files = Files.list(data)) {
      long total = 0;
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".db")).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  /** The heap's size after each collection so far, and its committed size: {largest, max}. */
  long[] heapAfterCollections() throws IOException {
    long largest = 0;
    long committed = 0;
    if (Files.exists(gcLog)) {
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = AFTER_GC.matcher(line);
        if (m.find()) {
          largest = Math.max(largest, Long.parseLong(m.group(2)));
          committed = Math.max(committed, Long.parseLong(m.group(3)));
        }
      }
    }
    return new long[] {largest, committed};
  }

  /** Full collections in the GC log so far (the heap was exhausted). */
  long fullCollections() throws IOException {
    return Files.exists(gcLog)
        ? Files.readAllLines(gcLog).stream().filter(l -> l.contains("Pause Full")).count()
        : 0;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
