package io.podometer.bench;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FactFolder;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.live.FigureChanges;
import io.podometer.engine.live.MaterializedFigures;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.time.IsoWeek;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
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

  private static final int NEW_DEPLOYMENTS = 15;

  static final String USAGE =
      """
      Usage: ./podometer bench-recompute [--engineers N] [--weeks W] [--runs R] [--warmups U]
                                         [--now INSTANT]

      Simulates an organization, loads its facts as the server holds them (104 weeks of figures,
      members' own left out), then times full recomputations as POST /api/admin/recompute runs
      them, one after the other, without HTTP or a database; then new production deployments
      applied one at a time, as the server's worker applies a new event. Run it with the server's heap and
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
    newDeployments(figures, stored.org(), settings);
  }

  /**
   * What a new event costs the figures once a year is held: new production deployments of one
   * service at the simulated present, one at a time, each applied and its weeks recomputed as the
   * server's worker does on a POST (a deployment moves deployment frequency, lead times and
   * failures: the costliest family to run for one week).
   */
  private static void newDeployments(
      MaterializedFigures figures, OrgModel org, BenchSettings settings) {
    String service = org.services().get(0).id();
    EventCodec codec =
        new EventCodec(Clock.fixed(settings.now(), ZoneOffset.UTC), Duration.ofDays(1));
    FactFolder folder = new FactFolder();
    double[] millis = new double[NEW_DEPLOYMENTS];
    int weeks = 0;
    for (int i = 0; i < NEW_DEPLOYMENTS; i++) {
      String at = settings.now().minusSeconds(NEW_DEPLOYMENTS - i).toString();
      String id = "bench-new-" + i;
      CanonicalEvent event =
          codec.parseOne(
              """
              {"id":"deploy:%s:%s","type":"deployment.finished","source":"bench","occurredAt":"%s",\
              "schema":1,"data":{"deploymentId":"%s","service":"%s","environment":"production",\
              "status":"success","finishedAt":"%s"}}"""
                  .formatted(service, id, at, id, service, at));
      FoldedFact fact = folder.fold(FactKey.of(event), List.of(event));
      long t = System.nanoTime();
      FigureChanges changes = figures.apply(List.of(fact), settings.now());
      millis[i] = (System.nanoTime() - t) / 1e6;
      weeks = Math.max(weeks, changes.weeks().size());
    }
    report(
        "a new deployment's update",
        String.format(
            Locale.ROOT,
            "%.0f ms median of %d, each one after the other (ms: %s); at most %d weeks recomputed",
            EngineBench.median(millis),
            millis.length,
            Arrays.toString(Arrays.stream(millis).map(Math::rint).toArray()),
            weeks));
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
