package io.podometer.bench;

import io.podometer.engine.event.EventCodec;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.DoraTiers;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.FactWindow;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.MetricFamily;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.metric.PodSlice;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./podometer bench}: simulates an organization, then measures in one JVM the fold of its
 * events into facts (parsing and validation of the canonical JSON included), the full computation
 * of every figure for every scope and week, and the heap it all holds. Prints medians.
 */
public final class EngineBench {

  private final BenchSettings settings;

  private EngineBench(BenchSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    BenchSettings settings;
    try {
      settings = BenchSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.println(BenchSettings.USAGE);
      System.exit(2);
      return;
    }
    if (settings.help()) {
      System.out.println(BenchSettings.USAGE);
      return;
    }
    new EngineBench(settings).run();
  }

  private void run() {
    Instant now = settings.now();
    report("machine", machine());
    long start = System.nanoTime();
    StoredEvents stored = StoredEvents.simulate(settings.engineers(), settings.weeks(), now);
    OrgModel org = stored.org();
    report(
        "organization",
        settings.engineers()
            + " engineers, "
            + org.pods().size()
            + " pods, "
            + settings.weeks()
            + " weeks ending "
            + now);
    long events = stored.count();
    EventCodec codec = new EventCodec();
    report(
        "simulated", events + " events, " + stored.byKey().size() + " facts in " + seconds(start));

    double[] parseSeconds = new double[settings.runs()];
    double[] ingestSeconds = new double[settings.runs()];
    FactSet facts = null;
    for (int run = 0; run < settings.runs(); run++) {
      long t = System.nanoTime();
      long parsed = stored.parseAll(codec);
      parseSeconds[run] = (System.nanoTime() - t) / 1e9;
      if (parsed != events) {
        throw new IllegalStateException("parsed " + parsed + " of " + events + " events");
      }
      facts = null;
      t = System.nanoTime();
      facts = stored.fold(codec);
      ingestSeconds[run] = (System.nanoTime() - t) / 1e9;
    }
    double parse = median(parseSeconds);
    double ingest = median(ingestSeconds);
    report(
        "parse + validate",
        String.format(
            Locale.ROOT,
            "%,.0f events/s (%.2f s, median of %d)",
            events / parse,
            parse,
            settings.runs()));
    report(
        "fold from stored events",
        String.format(
            Locale.ROOT,
            "%,.0f events/s (%.2f s, median of %d)",
            events / ingest,
            ingest,
            settings.runs()));
    stored.byKey().clear();
    report(
        "heap after fold",
        String.format(Locale.ROOT, "%,d MB (facts held)", usedHeapAfterGc() / (1024 * 1024)));

    IsoWeek to = IsoWeek.of(now, ZoneOffset.UTC);
    IsoWeek from = to.plusWeeks(-(settings.weeks() - 1));
    // a new engine each time: nothing worked out by an earlier computation is taken
    for (int warmup = 0; warmup < settings.warmups(); warmup++) {
      MetricFamilies.engine().computeFigures(new EngineContext(org, facts, from, to, now));
    }
    double[] computeSeconds = new double[settings.runs()];
    EngineResult result = null;
    for (int run = 0; run < settings.runs(); run++) {
      result = null;
      MetricsEngine fresh = MetricFamilies.engine();
      long t = System.nanoTime();
      result = fresh.computeFigures(new EngineContext(org, facts, from, to, now));
      computeSeconds[run] = (System.nanoTime() - t) / 1e9;
    }
    report(
        "full computation",
        String.format(
            Locale.ROOT,
            "%.2f s median of %d after %d warm-ups (runs: %s); %,d figures, every metric,"
                + " scope and week",
            median(computeSeconds),
            settings.runs(),
            settings.warmups(),
            Arrays.toString(rounded(computeSeconds)),
            result.figures().size()));

    MetricsEngine engine = MetricFamilies.engine();
    FactSet folded = facts;
    engine.computeFigures(new EngineContext(org, folded, from, to, now));
    double[] againSeconds =
        secondsOfRuns(() -> engine.computeFigures(new EngineContext(org, folded, from, to, now)));
    report(
        "full computation again",
        runsSummary(againSeconds)
            + "; the same engine on the same facts, as a recomputation meets them"
            + " (complementary suppressions taken)");

    long heap = usedHeapAfterGc();
    report(
        "heap after full computation",
        String.format(Locale.ROOT, "%,d MB (facts and figures held)", heap / (1024 * 1024)));
    familiesAlone(org, facts, from, to, now);

    recomputeAfterLateEvent(org, facts, to, now);

    report(
        "heap after recomputations",
        String.format(
            Locale.ROOT,
            "%,d MB (facts, figures, and the facts' time index windows are cut from)",
            usedHeapAfterGc() / (1024 * 1024)));
    if (facts.pullRequests().isEmpty()) {
      throw new IllegalStateException("no pull requests were folded");
    }
  }

  /**
   * Each metric family computed alone over the whole range (a fresh context each time, so what
   * families share is built for each): where the full computation's time goes.
   */
  private void familiesAlone(OrgModel org, FactSet facts, IsoWeek from, IsoWeek to, Instant now) {
    for (MetricFamily family : MetricFamilies.all()) {
      MetricsEngine alone = new MetricsEngine(List.of(family), DoraTiers.DEFAULTS);
      double[] seconds =
          secondsOfRuns(() -> alone.computeFigures(new EngineContext(org, facts, from, to, now)));
      report("  " + family.getClass().getSimpleName() + " alone", runsSummary(seconds));
    }
  }

  /** The seconds each of the runs of {@code computation} took. */
  private double[] secondsOfRuns(Runnable computation) {
    double[] seconds = new double[settings.runs()];
    for (int run = 0; run < settings.runs(); run++) {
      long t = System.nanoTime();
      computation.run();
      seconds[run] = (System.nanoTime() - t) / 1e9;
    }
    return seconds;
  }

  private String runsSummary(double[] seconds) {
    return String.format(
        Locale.ROOT,
        "%.2f s median of %d (runs: %s)",
        median(seconds),
        seconds.length,
        Arrays.toString(rounded(seconds)));
  }

  /**
   * A late review arrives for a pull request of one pod, some weeks back: the pod's cell of that
   * week is recomputed from the facts that can move it (the pod's slice, then its window of the
   * week), and, for comparison, the whole week for every scope.
   */
  private void recomputeAfterLateEvent(OrgModel org, FactSet facts, IsoWeek to, Instant now) {
    IsoWeek week = to.plusWeeks(-5);
    MetricsEngine engine = MetricFamilies.engine();
    EngineContext lookups = new EngineContext(org, facts, week, week, now);
    double[] cellSeconds = new double[settings.runs() * 3];
    double[] windowSeconds = new double[settings.runs() * 3];
    double[] sliceSeconds = new double[settings.runs() * 3];
    int cells = 0;
    for (int run = 0; run < settings.runs(); run++) {
      for (int p = 0; p < 3; p++) {
        String pod = org.pods().get((run * 3 + p) * 37 % org.pods().size()).id();
        long t = System.nanoTime();
        FactSet slice = PodSlice.of(lookups, facts, pod);
        long sliced = System.nanoTime();
        FactSet window = FactWindow.around(slice, week, week, ZoneOffset.UTC);
        long windowed = System.nanoTime();
        EngineResult result =
            engine.computeFigures(new EngineContext(org, window, week, week, now));
        sliceSeconds[cells] = (sliced - t) / 1e9;
        windowSeconds[cells] = (windowed - sliced) / 1e9;
        cellSeconds[cells++] = (System.nanoTime() - t) / 1e9;
        if (result.figure(MetricId.AI_CODE_SHARE, ScopeId.pod(pod), week) == null
            && result.figures().isEmpty()) {
          throw new IllegalStateException("no figures recomputed for pod " + pod);
        }
      }
    }
    report(
        "recompute one (pod, week)",
        String.format(
            Locale.ROOT,
            "%.0f ms median of %d pods (the pod's slice %.0f ms, its window of the week %.0f ms,"
                + " every metric)",
            median(cellSeconds) * 1000,
            cells,
            median(sliceSeconds) * 1000,
            median(windowSeconds) * 1000));
    // what the web application does for an event of the current week: the weeks it can move
    // (5 back, none ahead of the current one) recomputed from their window
    report(
        "update after a new event",
        String.format(
            Locale.ROOT,
            "%.2f s median of %d (the 6 weeks an event of the current week can move, every scope)",
            medianOfRecomputing(engine, org, facts, to.plusWeeks(-5), to, now),
            settings.runs()));
    report(
        "recompute one week",
        String.format(
            Locale.ROOT,
            "%.2f s median of %d (every scope of the week, from the week's window)",
            medianOfRecomputing(engine, org, facts, week, week, now),
            settings.runs()));
  }

  /** Seconds to recompute every scope of some weeks from their window, median of the runs. */
  private double medianOfRecomputing(
      MetricsEngine engine, OrgModel org, FactSet facts, IsoWeek from, IsoWeek to, Instant now) {
    double[] seconds =
        secondsOfRuns(
            () ->
                engine.computeFigures(
                    new EngineContext(
                        org, FactWindow.around(facts, from, to, ZoneOffset.UTC), from, to, now)));
    return median(seconds);
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  static double[] rounded(double[] values) {
    return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray();
  }

  private static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  private static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "%d cores, max heap %,d MB, Java %s, %s %s",
        runtime.availableProcessors(),
        runtime.maxMemory() / (1024 * 1024),
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }

  private static void report(String what, String value) {
    System.out.printf(Locale.ROOT, "%-28s %s%n", what + ":", value);
  }
}
