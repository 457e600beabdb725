package io.podometer.bench;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.DoraTiers;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.metric.dora.DeploymentLinkage;
import io.podometer.engine.metric.dora.DoraFamily;
import io.podometer.engine.time.IsoWeek;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./podometer bench-sql}: the DORA figures of the simulated organization computed in plain
 * SQL over PostgreSQL, the way SQL-based tools compute them, checked equal to the engine's and
 * timed against it. SQL is handed what such a tool's collectors would have stored, including which
 * deployment shipped which PR and which deployments failed, as the engine decided them; the engine
 * works from the facts alone, linking included.
 */
public final class SqlBench {

  private static final double TOLERANCE = 1e-9;
  private static final int SHOWN_DIFFERENCES = 10;

  private final SqlBenchSettings settings;

  private SqlBench(SqlBenchSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    SqlBenchSettings settings;
    try {
      settings = SqlBenchSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench-sql: " + e.getMessage());
      System.err.println(SqlBenchSettings.USAGE);
      System.exit(2);
      return;
    }
    if (settings.help()) {
      System.out.println(SqlBenchSettings.USAGE);
      return;
    }
    try {
      System.exit(new SqlBench(settings).run() ? 0 : 1);
    } catch (SQLException e) {
      // a database that cannot be reached or prepared is not a difference in figures: exit 2
      System.err.println("bench-sql: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Whether SQL gave the engine's figures. */
  private boolean run() throws SQLException {
    Instant now = settings.now();
    report("machine", machine());
    long start = System.nanoTime();
    SimulatedOrganization simulated =
        SimulatedOrganization.simulate(settings.engineers(), settings.weeks(), now);
    report(
        "organization",
        String.format(
            Locale.ROOT,
            "%d engineers, %d pods, %d weeks ending %s: %,d events, %,d facts (%s)",
            settings.engineers(),
            simulated.org().pods().size(),
            settings.weeks(),
            now,
            simulated.events(),
            simulated.factKeys(),
            seconds(System.nanoTime() - start)));
    ZoneId zone = simulated.org().org().timeZone();
    IsoWeek to = IsoWeek.of(now, zone);
    IsoWeek from = to.plusWeeks(-(settings.weeks() - 1));

    start = System.nanoTime();
    DeploymentLinkage linkage = DeploymentLinkage.of(context(simulated, from, to));
    report(
        "engine's linkage, exported",
        String.format(
            Locale.ROOT,
            "%,d production deployments of %d services, %,d PRs shipped: %s (given to SQL,"
                + " not timed)",
            linkage.deployments().size(),
            linkage.services().size(),
            linkage.deployments().stream().mapToInt(d -> d.changes().size()).sum(),
            seconds(System.nanoTime() - start)));

    try (Connection db = BenchDatabase.open(settings)) {
      report("database", BenchDatabase.describe(db));
      start = System.nanoTime();
      DoraTables.Loaded loaded = DoraTables.load(db, linkage, zone);
      report(
          "PostgreSQL load",
          String.format(
              Locale.ROOT,
              "%,d deployments, %,d changes, %,d deployment_changes, %d services: COPY,"
                  + " indexes, VACUUM ANALYZE in %s (not timed)",
              loaded.deployments(),
              loaded.changes(),
              loaded.deploymentChanges(),
              loaded.services(),
              seconds(System.nanoTime() - start)));
      return compareAndTime(new DoraQueries(db, from, to, zone), simulated, from, to);
    }
  }

  private boolean compareAndTime(
      DoraQueries sql, SimulatedOrganization simulated, IsoWeek from, IsoWeek to)
      throws SQLException {
    MetricsEngine dora = new MetricsEngine(List.of(new DoraFamily()), DoraTiers.DEFAULTS);
    MetricsEngine whole = MetricFamilies.engine();

    // the warm-ups give the figures compared
    DoraCells sqlCells = sql.compute();
    CellComparison byDora =
        CellComparison.of(
            DoraCells.ofEngine(dora.computeFigures(context(simulated, from, to))),
            sqlCells,
            TOLERANCE);
    CellComparison byWhole =
        CellComparison.of(
            DoraCells.ofEngine(whole.computeFigures(context(simulated, from, to))),
            sqlCells,
            TOLERANCE);
    report("SQL cells", String.format(Locale.ROOT, "%,d", sqlCells.size()));
    boolean equal =
        reportComparison("DORA family engine", byDora) & reportComparison("whole engine", byWhole);
    if (!equal) {
      return false;
    }

    double[] sqlSeconds = new double[settings.runs()];
    for (int run = 0; run < settings.runs(); run++) {
      long t = System.nanoTime();
      sql.compute();
      sqlSeconds[run] = (System.nanoTime() - t) / 1e9;
    }
    double[] doraSeconds = timeEngine(dora, simulated, from, to);
    double[] wholeSeconds = timeEngine(whole, simulated, from, to);
    double sqlMedian = EngineBench.median(sqlSeconds);
    double doraMedian = EngineBench.median(doraSeconds);
    double wholeMedian = EngineBench.median(wholeSeconds);
    String runs = "median of " + settings.runs() + " after 1 warm-up";
    report(
        "SQL, 3 queries",
        timing(sqlMedian, runs, sqlSeconds, "3 figures, every service and org, every week"));
    report(
        "engine, DORA family",
        timing(
            doraMedian,
            runs,
            doraSeconds,
            "linking included; all 12 DORA figures for every scope and week"));
    report(
        "engine, every family",
        timing(wholeMedian, runs, wholeSeconds, "every figure of every scope and week"));
    report("SQL / DORA family", ratio(sqlMedian, doraMedian));
    report("SQL / every family", ratio(sqlMedian, wholeMedian));
    return true;
  }

  private double[] timeEngine(
      MetricsEngine engine, SimulatedOrganization simulated, IsoWeek from, IsoWeek to) {
    double[] seconds = new double[settings.runs()];
    EngineResult result = null;
    for (int run = 0; run < settings.runs(); run++) {
      result = null; // the previous figures are garbage before the next run starts
      long t = System.nanoTime();
      result = engine.computeFigures(context(simulated, from, to));
      seconds[run] = (System.nanoTime() - t) / 1e9;
    }
    if (result.figures().isEmpty()) {
      throw new IllegalStateException("the engine computed no figure");
    }
    return seconds;
  }

  private EngineContext context(SimulatedOrganization simulated, IsoWeek from, IsoWeek to) {
    return new EngineContext(simulated.org(), simulated.facts(), from, to, settings.now());
  }

  private static boolean reportComparison(String engine, CellComparison comparison) {
    StringBuilder perMetric = new StringBuilder();
    for (MetricId metric : DoraCells.METRICS) {
      perMetric
          .append(perMetric.isEmpty() ? "" : ", ")
          .append(metric)
          .append(' ')
          .append(String.format(Locale.ROOT, "%,d", comparison.compared().getOrDefault(metric, 0)));
    }
    report(
        "vs " + engine,
        String.format(
            Locale.ROOT,
            "%s: %,d cells compared (%s); %,d withheld by the privacy floor, not compared",
            comparison.equal()
                ? "all equal"
                : String.format(Locale.ROOT, "%,d differ", comparison.differences().size()),
            comparison.comparedCells(),
            perMetric,
            comparison.withheld()));
    comparison.differences().stream()
        .limit(SHOWN_DIFFERENCES)
        .forEach(difference -> System.out.println("  " + difference));
    return comparison.equal();
  }

  private static String timing(double median, String runs, double[] each, String what) {
    double[] rounded = Arrays.stream(each).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    return String.format(
        Locale.ROOT, "%.3f s %s (runs: %s); %s", median, runs, Arrays.toString(rounded), what);
  }

  private static String ratio(double sql, double engine) {
    return String.format(
        Locale.ROOT,
        "%.2f (%s)",
        sql / engine,
        sql > engine
            ? String.format(Locale.ROOT, "the engine is %.1f× faster", sql / engine)
            : String.format(Locale.ROOT, "SQL is %.1f× faster", engine / sql));
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
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
