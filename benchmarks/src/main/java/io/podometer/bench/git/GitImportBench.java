package io.podometer.bench.git;

import io.podometer.connectors.git.GitImport;
import io.podometer.connectors.git.GitSource;
import io.podometer.connectors.source.Checkpoints;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.connectors.source.MemoryCheckpoints;
import io.podometer.connectors.source.SourceProgress;
import io.podometer.connectors.source.SourceRun;
import io.podometer.engine.event.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./podometer bench-git}: a generated history imported by the git connector (every commit
 * diffed, mapped to events and validated by the event contract) against its floor, {@code git log
 * --numstat -M} over the same history, each run several times; medians and their ratio.
 */
public final class GitImportBench {

  private GitImportBench() {}

  public static void main(String[] args) throws Exception {
    int commits = 10_000;
    int files = 5;
    int lines = 200;
    int runs = 3;
    Path existing = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--commits" -> commits = Integer.parseInt(args[i + 1]);
        case "--files-per-commit" -> files = Integer.parseInt(args[i + 1]);
        case "--lines-per-commit" -> lines = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--repo" -> existing = Path.of(args[i + 1]);
        default -> {
          System.err.println(
              "Usage: ./podometer bench-git [--commits 10000] [--files-per-commit 5]"
                  + " [--lines-per-commit 200] [--runs 3] [--repo a-generated-history.git]");
          System.exit(2);
        }
      }
    }
    Path repo = existing;
    if (repo == null) {
      repo = Files.createTempDirectory("podometer-bench-git").resolve("history.git");
      long t0 = System.nanoTime();
      new GeneratedHistory(commits, files, lines).writeTo(repo);
      System.out.printf(
          "generated %,d commits (%d files, ~%d changed lines each) in %.1f s at %s%n",
          commits, files, lines, seconds(System.nanoTime() - t0), repo);
    }

    List<Double> floor = new ArrayList<>();
    List<Double> imports = new ArrayList<>();
    long events = 0;
    long imported = 0;
    for (int r = 0; r < runs; r++) {
      floor.add(gitLogNumstat(repo));
      long[] counted = new long[2];
      imports.add(importOnce(repo, counted));
      events = counted[0];
      imported = counted[1];
      System.out.printf(
          "run %d: git log --numstat %.2f s, import %.2f s%n", r + 1, floor.get(r), imports.get(r));
    }
    double gitLog = median(floor);
    double importing = median(imports);
    System.out.printf(
        "%nmedian of %d runs: import %.2f s (%,.0f commits/s, %,d events), git log --numstat -M"
            + " %.2f s, ratio %.2f×%n",
        runs, importing, imported / importing, events, gitLog, importing / gitLog);
    System.out.printf(
        "machine: %d cores, Java %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
  }

  private static double gitLogNumstat(Path repo) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process log =
        new ProcessBuilder("git", "log", "--numstat", "-M", "--format=%H %ae %s", "main")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    try (InputStream out = log.getInputStream()) {
      byte[] buffer = new byte[1 << 16];
      while (out.read(buffer) >= 0) {
        // read to the end, as a consumer of its output would
      }
    }
    if (log.waitFor() != 0) {
      throw new IOException("git log failed");
    }
    return seconds(System.nanoTime() - start);
  }

  private static double importOnce(Path repo, long[] events) throws InterruptedException {
    AtomicLong published = new AtomicLong();
    SourceProgress progress = new SourceProgress();
    Checkpoints none = new MemoryCheckpoints();
    long start = System.nanoTime();
    new GitImport(new GitSource("bench", repo.toString(), "acme/bench", null), new EventCodec())
        .sync(
            new SourceRun(
                "bench",
                batch -> {
                  published.addAndGet(batch.size());
                  return CompletableFuture.completedFuture(new IngestReceipt(batch.size(), 0, 0));
                },
                payload -> true,
                none,
                progress,
                Clock.systemUTC(),
                wait -> {}));
    double took = seconds(System.nanoTime() - start);
    SourceProgress.Snapshot end = progress.snapshot(java.time.Instant.now());
    if (end.state() != SourceProgress.State.DONE) {
      throw new IllegalStateException("import ended " + end.state() + ": " + end.lastError());
    }
    events[0] = published.get();
    events[1] = end.itemsDone();
    return took;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
