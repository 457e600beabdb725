package io.podometer.engine.metric;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.FigurePool;
import io.podometer.engine.figure.FigureTable;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Computes every figure: runs the metric families over the facts, pools their contributions per
 * (metric, scope, week), then applies the privacy floor and disclosure control, DORA tiers and
 * derived figures. Plain Java, no I/O; thread-safe. What it keeps between computations is only the
 * answers of complementary suppression by their whole input ({@link SuppressionMemo}): the figures
 * are a function of the context alone.
 */
public final class MetricsEngine {

  private final List<MetricFamily> families;
  private final DoraTiers tiers;
  private final boolean withoutMembers;
  private final boolean complements;
  private final SuppressionMemo suppressions = new SuppressionMemo();

  public MetricsEngine(List<MetricFamily> families, DoraTiers tiers) {
    this(families, tiers, false, true);
  }

  private MetricsEngine(
      List<MetricFamily> families, DoraTiers tiers, boolean withoutMembers, boolean complements) {
    this.families = List.copyOf(families);
    this.tiers = tiers;
    this.withoutMembers = withoutMembers;
    this.complements = complements;
  }

  /**
   * This engine without complementary suppression: figures under the privacy floor are still
   * withheld, but the figures beside them that would give them away are shown. For checking the
   * arithmetic of small hand-made organizations, where most cells would otherwise be hidden; never
   * for serving figures.
   */
  public MetricsEngine withoutComplements() {
    return new MetricsEngine(families, tiers, withoutMembers, false);
  }

  /**
   * This engine without members' own figures (scope {@code member:…}): they are most of the cells
   * of an organization, and only each member sees theirs, so they are computed when one asks, from
   * the facts of their pods ({@link ScopeSlice}).
   */
  public MetricsEngine withoutMembers() {
    return new MetricsEngine(families, tiers, true, complements);
  }

  /** Every figure, with the contributions behind them kept for drill-downs. */
  public EngineResult compute(EngineContext context) {
    return compute(context, true);
  }

  /**
   * Every figure only: the contributions are dropped once pooled, so a large organization's figures
   * fit in far less memory; drill-downs are then recomputed for the week asked.
   */
  public EngineResult computeFigures(EngineContext context) {
    return compute(context, false);
  }

  /**
   * Every figure of the context's weeks, running only the families {@code reuse} does not hold: a
   * family's contributions from an earlier computation of the same weeks stand as long as no fact
   * of a kind it {@linkplain MetricFamily#reads reads} changed since (the caller's to know). The
   * answer keeps every family's contributions, for the next time. Meant for a week or two: the
   * contributions are held.
   */
  public Reusable computeReusing(
      EngineContext context, Map<MetricFamily, List<Contribution>> reuse) {
    return computeListing(context, reuse, null);
  }

  /**
   * Every figure only, as {@link #computeFigures}, keeping each family's contributions to one
   * week's cells (for a later {@link #computeReusing} of that week).
   */
  public Reusable computeKeeping(EngineContext context, IsoWeek kept) {
    return computeListing(context, Map.of(), kept);
  }

  /**
   * Runs the families {@code reuse} does not hold and lists each family's contributions (to {@code
   * listedWeek}'s cells only, or to every cell when null).
   */
  private Reusable computeListing(
      EngineContext context, Map<MetricFamily, List<Contribution>> reuse, IsoWeek listedWeek) {
    List<FamilyOutput> outputs =
        eachFamily(
            family ->
                reuse.containsKey(family)
                    ? FamilyOutput.from(reuse.get(family), withoutMembers)
                    : FamilyOutput.listing(family, context, withoutMembers, listedWeek));
    Map<MetricFamily, List<Contribution>> contributions = new HashMap<>();
    for (int i = 0; i < families.size(); i++) {
      contributions.put(families.get(i), outputs.get(i).listed());
    }
    return new Reusable(finish(context, outputs, false), contributions);
  }

  /** Figures computed, and each family's contributions behind them. */
  public record Reusable(
      EngineResult result, Map<MetricFamily, List<Contribution>> contributions) {}

  private EngineResult compute(EngineContext context, boolean keepContributions) {
    List<FamilyOutput> outputs =
        eachFamily(family -> FamilyOutput.of(family, context, keepContributions, withoutMembers));
    return finish(context, outputs, keepContributions);
  }

  /**
   * Runs every family, side by side on the cores of the pool this runs in (the common pool outside
   * one), each pooling what it emits as it goes: families read the same immutable context and emit
   * disjoint metrics. They are taken in the list's order (the longest first) by whichever thread is
   * free, so that no long family starts last and ends alone; a parallel stream splits the list in
   * halves instead, and one core could be left with most of the work. The outputs are in the
   * families' order; a family's failure is thrown once every family taken has ended.
   */
  private List<FamilyOutput> eachFamily(Function<MetricFamily, FamilyOutput> run) {
    int count = families.size();
    FamilyOutput[] outputs = new FamilyOutput[count];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(count);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable takeFamilies =
        () -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            try {
              outputs[i] = run.apply(families.get(i));
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            } finally {
              finished.countDown();
            }
          }
        };
    boolean inPool = ForkJoinTask.inForkJoinPool();
    ForkJoinPool pool = inPool ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
    // the calling thread takes families too
    int helpers = Math.min(count - 1, pool.getParallelism() - (inPool ? 1 : 0));
    for (int i = 0; i < helpers; i++) {
      ForkJoinTask.adapt(takeFamilies).fork();
    }
    takeFamilies.run();
    // waits for the families others took, not for a helper no thread took up yet (on a busy
    // common pool it could start long after: it then finds no family left)
    awaitFamilies(finished);
    Throwable failed = failure.get();
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    return Arrays.asList(outputs);
  }

  private static void awaitFamilies(CountDownLatch finished) {
    try {
      PoolWait.until(() -> finished.getCount() == 0, finished::await);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the families ran", e);
    }
  }

  private EngineResult finish(
      EngineContext context, List<FamilyOutput> outputs, boolean keepContributions) {
    FigurePool pool = outputs.get(0).pool();
    Map<EngineResult.MetricWeek, List<Contribution>> byMetricWeek =
        keepContributions ? new HashMap<>() : null;
    for (FamilyOutput output : outputs) {
      if (output.pool() != pool) {
        pool.merge(output.pool());
      }
      if (keepContributions) {
        output
            .contributions()
            .forEach((key, list) -> byMetricWeek.merge(key, list, MetricsEngine::concat));
      }
    }
    PrivacyFloor floor = new PrivacyFloor(context, pool);
    FigureTable figures =
        pool.figures(context.weekOf(context.now()), pooled -> tiers.applyTo(floor.apply(pooled)));
    new DisclosureControl(floor, pool, complements, suppressions).apply(figures);
    new DerivedFigures(context, tiers).apply(figures);
    return new EngineResult(figures, byMetricWeek, pool.summaries(), pool.contributorsByWeek());
  }

  /**
   * The items behind one cell, each with its evidence (as {@link EngineResult#drilldown} gives
   * them), computed by the one family that emits the metric and kept only for that cell: far less
   * work and memory than a whole computation. Null for a derived metric, which has no items.
   */
  public List<Contribution> drilldown(
      EngineContext context,
      MetricId metric,
      io.podometer.engine.scope.ScopeId scope,
      io.podometer.engine.time.IsoWeek week) {
    for (MetricFamily family : families) {
      if (family.metrics().contains(metric)) {
        List<Contribution> items = new ArrayList<>();
        family.contribute(
            context,
            java.util.EnumSet.of(metric),
            c -> {
              if (c.metric() == metric && c.week().equals(week) && c.scopes().contains(scope)) {
                items.add(c);
              }
            });
        return items;
      }
    }
    return null;
  }

  /** How many complementary suppressions were taken from earlier computations (tests). */
  long suppressionsReused() {
    return suppressions.hits();
  }

  /** Whether a week's figure of {@code metric} can depend on facts after the week. */
  public boolean readsAfterTheWeek(MetricId metric) {
    for (MetricFamily family : families) {
      if (family.metrics().contains(metric)) {
        return family.readsAfterTheWeek(metric);
      }
    }
    return true;
  }

  /**
   * Re-derives, over figures put together from computations of different weeks, what reads across
   * weeks: deployment frequency tiers (the 4 weeks ending each) and weeks to 90 % adoption (a
   * pilot's whole series). {@code context} gives the weeks and pilots; its facts are not read.
   */
  public void rederive(FigureTable figures, EngineContext context) {
    figures.removeMetric(MetricId.WEEKS_TO_90PCT_ADOPTION);
    new DerivedFigures(context, tiers).apply(figures);
  }

  /** The metrics {@link #rederive} reads or writes. */
  public static boolean readsAcrossWeeks(MetricId metric) {
    return metric == MetricId.DEPLOYMENT_FREQUENCY
        || metric == MetricId.DEPLOY_DAYS
        || metric == MetricId.WEEKLY_ACTIVE_AI_USERS
        || metric == MetricId.WEEKS_TO_90PCT_ADOPTION;
  }

  private static List<Contribution> concat(List<Contribution> a, List<Contribution> b) {
    List<Contribution> both = new ArrayList<>(a);
    both.addAll(b);
    return both;
  }

  /**
   * One family's pooled contributions, and the contributions themselves when kept (by metric and
   * week for drill-downs, or {@code listed} as they came for reuse).
   */
  private record FamilyOutput(
      FigurePool pool,
      Map<EngineResult.MetricWeek, List<Contribution>> contributions,
      List<Contribution> listed) {

    static FamilyOutput of(
        MetricFamily family, EngineContext context, boolean keep, boolean withoutMembers) {
      FigurePool pool = new FigurePool(withoutMembers);
      Map<EngineResult.MetricWeek, List<Contribution>> kept = keep ? new HashMap<>() : null;
      family.contribute(
          context,
          c -> {
            if (context.inRange(c.week())) {
              pool.add(c);
              if (kept != null) {
                kept.computeIfAbsent(
                        new EngineResult.MetricWeek(c.metric(), c.week()), k -> new ArrayList<>())
                    .add(c);
              }
            }
          });
      return new FamilyOutput(pool, kept, null);
    }

    /** Lists the contributions to {@code week}'s cells, or to every cell when null. */
    static FamilyOutput listing(
        MetricFamily family, EngineContext context, boolean withoutMembers, IsoWeek week) {
      FigurePool pool = new FigurePool(withoutMembers);
      List<Contribution> listed = new ArrayList<>();
      family.contribute(
          context,
          c -> {
            if (context.inRange(c.week())) {
              pool.add(c);
              if (week == null || week.equals(c.week())) {
                listed.add(c);
              }
            }
          });
      return new FamilyOutput(pool, null, List.copyOf(listed));
    }

    static FamilyOutput from(List<Contribution> listed, boolean withoutMembers) {
      FigurePool pool = new FigurePool(withoutMembers);
      listed.forEach(pool::add);
      return new FamilyOutput(pool, null, listed);
    }
  }
}
