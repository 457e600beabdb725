package io.podometer.bench;

import io.podometer.engine.event.EventCodec;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.live.FigureChanges;
import io.podometer.engine.live.MaterializedFigures;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.time.IsoWeek;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./podometer bench-recompute}: a full recomputation as the server runs one on {@code POST
 * /api/admin/recompute} — the figures held for the server's range of weeks, members' own left out,
 * computed in runs and compared with those held — without HTTP or a database, so that what the
 * engine and the heap cost can be told apart from what the server adds.
 */
public final class RecomputeBench {

  /** The server's range of weeks by default ({@code PODOMETER_FIGURES_WEEKS}). */
  private static final int RANGE_WEEKS = 104;

  private static final int LOAD_CHUNK = 10_000;

  static final String USAGE =
      """
      Usage: ./podometer bench-recompute [--engineers N] [--weeks W] [--runs R] [--warmups U]
                                         [--now INSTANT]

      Simulates an organization, loads its facts as the server holds them (104 weeks of figures,
      members' own left out), then times full recomputations as POST /api/admin/recompute runs
      them, one after the other, without HTTP or a database. Run it with the server's heap and
      collector options: JAVA_OPTS='-Xmx4g -XX:-G1UseAdaptiveIHOP
      -XX:InitiatingHeapOccupancyPercent=75'.

        --engineers N   engineers to simulate (default 1000)
        --weeks W       ISO weeks of events ending with --now (default 52)
        --runs R        timed recomputations (default 5)
        --warmups U     recomputations first, untimed but reported (default 2; the first one
                        computes every figure anew)
        --now INSTANT   the simulated present (default 2026-11-26T12:00:00Z)
      """;

  public static void main(String[] args) {
    BenchSettings settings;
    try {
      settings = BenchSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench-recompute: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (settings.help()) {
      System.out.println(USAGE);
      return;
    }
    new RecomputeBench().run(settings);
  }

  private void run(BenchSettings settings) {
    Runtime runtime = Runtime.getRuntime();
    report(
        "machine",
        String.format(
            Locale.ROOT,
            "%d cores, max heap %,d MB, Java %s; %s",
            runtime.availableProcessors(),
            runtime.maxMemory() >> 20,
            System.getProperty("java.version"),
            ManagementFactory.getRuntimeMXBean().getInputArguments()));
    long start = System.nanoTime();
    StoredEvents stored =
        StoredEvents.simulate(settings.engineers(), settings.weeks(), settings.now());
    report(
        "simulated",
        String.format(
            Locale.ROOT,
            "%d engineers, %d weeks: %,d events in %.1f s",
            settings.engineers(),
            settings.weeks(),
            stored.count(),
            (System.nanoTime() - start) / 1e9));
    IsoWeek to = IsoWeek.of(settings.now(), ZoneOffset.UTC);
    MaterializedFigures figures =
        new MaterializedFigures(
            MetricFamilies.engine().withoutMembers(),
            stored.org(),
            to.plusWeeks(-(RANGE_WEEKS - 1)),
            to);
    load(stored, figures);
    report("facts held", String.format(Locale.ROOT, "%,d", figures.factCount()));

    for (int warmup = 0; warmup < settings.warmups(); warmup++) {
      Timed run = recompute(figures, settings);
      report("warm-up " + (warmup + 1), run.describe());
    }
    double[] seconds = new double[settings.runs()];
    double[] gcSeconds = new double[settings.runs()];
    Timed last = null;
    for (int i = 0; i < settings.runs(); i++) {
      last = recompute(figures, settings);
      seconds[i] = last.seconds();
      gcSeconds[i] = last.gcSeconds();
    }
    report(
        "full recomputation",
        String.format(
            Locale.ROOT,
            "%.2f s median of %d (runs: %s); collector pauses %.2f s median; %s",
            EngineBench.median(seconds),
            seconds.length,
            Arrays.toString(EngineBench.rounded(seconds)),
            EngineBench.median(gcSeconds),
            last == null ? "" : last.figuresDescribed()));
  }

  /** Folds the stored events into the held facts a chunk at a time, the events spent as it goes. */
  private static void load(StoredEvents stored, MaterializedFigures figures) {
    List<FoldedFact> chunk = new ArrayList<>(LOAD_CHUNK);
    stored.foldDraining(
        new EventCodec(),
        fact -> {
          chunk.add(fact);
          if (chunk.size() == LOAD_CHUNK) {
            figures.loadFacts(chunk);
            chunk.clear();
          }
        });
    figures.loadFacts(chunk);
  }

  private static Timed recompute(MaterializedFigures figures, BenchSettings settings) {
    long gcBefore = gcMillis();
    long t = System.nanoTime();
    FigureChanges changes = figures.recomputeAll(settings.now());
    return new Timed(
        (System.nanoTime() - t) / 1e9,
        (gcMillis() - gcBefore) / 1e3,
        changes.upserted().size(),
        figures.snapshot().size());
  }

  private record Timed(double seconds, double gcSeconds, int changed, int held) {
    String describe() {
      return String.format(
          Locale.ROOT,
          "%.2f s (collector pauses %.2f s); %s",
          seconds,
          gcSeconds,
          figuresDescribed());
    }

    String figuresDescribed() {
      return String.format(Locale.ROOT, "%,d figures held, %,d changed", held, changed);
    }
  }

  private static long gcMillis() {
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, collector.getCollectionTime());
    }
    return millis;
  }

  private static void report(String what, String value) {
    System.out.printf(Locale.ROOT, "%-28s %s%n", what + ":", value);
  }
}
