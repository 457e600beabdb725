package io.podometer.engine.live;

import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.FigureTable;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.FactWindow;
import io.podometer.engine.metric.MetricFamily;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.metric.OrgLookups;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every figure of a range of weeks, kept current as facts change: a changed fact marks the weeks it
 * can move ({@link AffectedWeeks}); those weeks are recomputed from the facts around them ({@link
 * FactWindow}), what reads across weeks is re-derived, and the figures that changed are handed back
 * to be stored. A full recomputation gives the same figures. Not thread-safe: one owner applies the
 * changes and hands {@link #snapshot}s to readers; a {@link FullComputation} runs on another thread
 * over the facts as they stood when it began.
 */
public final class MaterializedFigures {

  /** The metrics re-derived across weeks (their figures are replaced after every change). */
  private static final List<MetricId> REDERIVED =
      List.of(MetricId.DEPLOYMENT_FREQUENCY, MetricId.WEEKS_TO_90PCT_ADOPTION);

  /** Weeks whose families' contributions are kept for reuse (the last computed on their own). */
  private static final int REUSABLE_WEEKS = 2;

  /**
   * The longest run of weeks computed at once (a full recomputation goes a run at a time): a year
   * where the heap has room for a year's cells besides the figures held (3 GB or more), else half a
   * year. Each run reads its weeks' facts and a margin on either side, so fewer runs read less.
   */
  static final int CHUNK_WEEKS = Runtime.getRuntime().maxMemory() >= 3L << 30 ? 52 : 26;

  private final MetricsEngine engine;
  private final LiveFacts facts = new LiveFacts();
  // per week computed on its own, each family's contributions, until a fact of a kind the family
  // reads changes in a way that can move that week: a new deployment reruns DORA alone
  private final Map<IsoWeek, Map<MetricFamily, List<Contribution>>> reusable =
      new java.util.LinkedHashMap<>();
  private final Map<IsoWeek, WeekFigures> weeks = new HashMap<>();
  private int chunkWeeks = CHUNK_WEEKS;
  private OrgModel org;
  private IsoWeek from;
  private IsoWeek to;
  // what the deployments and incidents held say of how far back a deployment reaches: kept in step
  // with the changes, read again after a load
  private DeploymentReach deploymentReach;
  // the facts of a full computation detached from the owner (null: the live facts)
  private final FactSet fixedFacts;
  // the full computation running on another thread, told which weeks changes move meanwhile
  private FullComputation inFlight;
  // the model's lookups, shared by every computation under it (also a full computation's)
  private OrgLookups lookups;

  public MaterializedFigures(MetricsEngine engine, OrgModel org, IsoWeek from, IsoWeek to) {
    this(engine, org, from, to, null);
  }

  private MaterializedFigures(
      MetricsEngine engine, OrgModel org, IsoWeek from, IsoWeek to, FactSet fixedFacts) {
    this.engine = engine;
    this.org = org;
    this.from = from;
    this.to = to;
    this.fixedFacts = fixedFacts;
  }

  /** Loads facts without recomputing (at start, before {@link #recomputeAll} or {@link #load}). */
  public void loadFacts(Collection<FoldedFact> folded) {
    movedEverythingMeanwhile();
    reusable.clear();
    forgetDeploymentReach();
    facts.put(folded);
  }

  /** Loads facts stored as JSON fields, without recomputing (at start). */
  public void loadStoredFacts(Map<FactKey, String> fields) {
    movedEverythingMeanwhile();
    reusable.clear();
    forgetDeploymentReach();
    facts.putJson(fields);
  }

  /** Loads stored figures as they were last computed (at start). */
  public void load(Collection<Figure> figures) {
    movedEverythingMeanwhile();
    reusable.clear();
    weeks.clear();
    Map<IsoWeek, List<Figure>> byWeek = new HashMap<>();
    for (Figure figure : figures) {
      byWeek.computeIfAbsent(figure.week(), w -> new ArrayList<>()).add(figure);
    }
    byWeek.forEach((week, list) -> weeks.put(week, WeekFigures.of(list)));
  }

  /**
   * Every figure of every week from the facts, replacing what was held. The weeks are computed in
   * runs of {@link #CHUNK_WEEKS}: the cells of a run pooled at once hold more than its figures.
   */
  public FigureChanges recomputeAll(Instant now) {
    long start = System.nanoTime();
    movedEverythingMeanwhile();
    Map<IsoWeek, WeekFigures> before = new HashMap<>(weeks);
    TreeSet<IsoWeek> all = new TreeSet<>(weeks.keySet());
    all.addAll(computeEveryWeek(now));
    return FigureChanges.betweenWeeks(before, weeks, all, start);
  }

  /** Computes every week of the range anew, in place of what was held; returns the range. */
  SortedSet<IsoWeek> computeEveryWeek(Instant now) {
    TreeSet<IsoWeek> range = new TreeSet<>();
    for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
      range.add(week);
    }
    Map<IsoWeek, WeekFigures> before = new HashMap<>(weeks);
    weeks.clear();
    reusable.clear();
    // the current week's contributions are kept: the next new event most likely happens in it
    IsoWeek current = IsoWeek.of(now, org.org().timeZone());
    computeRuns(range, now, current, before);
    if (!range.isEmpty()) {
      rederive(now, range, before);
    }
    return range;
  }

  /**
   * Begins a full recomputation over the facts as they are, for {@code newOrg} and the range {@code
   * newFrom..newTo}, to be {@link FullComputation#run run} on another thread while this owner goes
   * on applying changes — already under the new model and range, so that the weeks they move are
   * those they move there — and then {@link #install installed}. One at a time.
   */
  public FullComputation beginFullComputation(
      OrgModel newOrg, IsoWeek newFrom, IsoWeek newTo, Instant now) {
    if (inFlight != null) {
      throw new IllegalStateException("a full computation is already under way");
    }
    if (newOrg != org) {
      reusable.clear(); // contributions computed under the model before
      deploymentReach = null;
    }
    org = newOrg;
    from = newFrom;
    to = newTo;
    MaterializedFigures detached =
        new MaterializedFigures(engine, newOrg, newFrom, newTo, facts.factSet());
    detached.chunkWeeks = chunkWeeks;
    detached.lookups = lookups();
    // what is held now, so that the figures that do not change keep their instances
    detached.weeks.putAll(weeks);
    inFlight = new FullComputation(detached, now);
    return inFlight;
  }

  /**
   * Takes the figures of a full computation that has run and recomputes the weeks that changes
   * moved since it began, so that what was shown meanwhile stays. Facts taken meanwhile without
   * working out their weeks ({@link FullComputation#everythingMovedMeanwhile}) are not all in the
   * figures then: the caller catches up with them. Returns what changed against the figures held
   * until now.
   */
  public FigureChanges install(FullComputation done, Instant now) {
    if (done != inFlight) {
      throw new IllegalStateException("not the full computation under way");
    }
    inFlight = null;
    MaterializedFigures computed = done.computed();
    long start = System.nanoTime();
    Map<IsoWeek, WeekFigures> served = new HashMap<>(weeks);
    weeks.clear();
    weeks.putAll(computed.weeks);
    TreeSet<IsoWeek> all = new TreeSet<>(served.keySet());
    all.addAll(weeks.keySet());
    SortedSet<IsoWeek> moved = done.movedMeanwhile();
    if (done.everythingMovedMeanwhile()) {
      reusable.clear();
    } else {
      // the weeks the owner computed on their own meanwhile are current; those kept by the full
      // computation are, unless a change moved them since it began
      computed.reusable.forEach(
          (week, kept) -> {
            if (!moved.contains(week) && reusable.size() < REUSABLE_WEEKS) {
              reusable.putIfAbsent(week, kept);
            }
          });
    }
    TreeSet<IsoWeek> again = new TreeSet<>();
    for (IsoWeek week : moved) {
      if (week.compareTo(from) >= 0 && week.compareTo(to) <= 0) {
        again.add(week);
      }
    }
    if (!again.isEmpty()) {
      computeRuns(again, now, null, served);
      rederive(now, again, served);
    }
    return FigureChanges.betweenWeeks(served, weeks, all, start);
  }

  private void movedMeanwhile(Collection<IsoWeek> moved) {
    if (inFlight != null) {
      inFlight.moved(moved);
    }
  }

  private void movedEverythingMeanwhile() {
    if (inFlight != null) {
      inFlight.movedEverything();
    }
  }

  /** How many consecutive weeks one computation pools at most (a full recomputation's step). */
  void chunkWeeks(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("chunk of " + count + " weeks");
    }
    this.chunkWeeks = count;
  }

  /**
   * Builds ahead what the next update reads (the facts' time index, what the deployments held say
   * of a new one's reach), so that the first change after a load or a full recomputation does not
   * wait for it.
   */
  public void prepareForUpdates() {
    FactWindow.around(facts.factSet(), to, to, org.org().timeZone());
    deploymentReach().prepare();
  }

  /** Applies changed facts and recomputes the weeks they can move. */
  public FigureChanges apply(Collection<FoldedFact> changed, Instant now) {
    return recompute(forgetting(facts.put(changed)), now);
  }

  /** Applies changed facts given as stored JSON fields and recomputes the weeks they can move. */
  public FigureChanges applyStored(Map<FactKey, String> fields, Instant now) {
    return recompute(forgetting(facts.putJson(fields)), now);
  }

  /**
   * Absorbs changed facts without recomputing, adding the weeks they can move to {@code all} (for a
   * later {@link #recomputeWeeks}, or a full recomputation) and the weeks of their own moments to
   * {@code own} — those a caller recomputes first, so that a new event shows at once, before the
   * weeks it can move further back.
   */
  public void absorbStored(
      Map<FactKey, String> fields, TreeSet<IsoWeek> all, TreeSet<IsoWeek> own) {
    AffectedWeeks weeksOf = new AffectedWeeks(org, facts, this::deploymentReach);
    for (LiveFacts.Change change : forgetting(facts.putJson(fields))) {
      weeksOf.add(change, from, to, all, own);
    }
    movedMeanwhile(all);
  }

  /**
   * Absorbs changed facts without working out the weeks they move, when every week will be
   * recomputed anyway (a bulk load).
   */
  public void absorbStoredForFullRecompute(Map<FactKey, String> fields) {
    movedEverythingMeanwhile();
    reusable.clear();
    forgetDeploymentReach();
    facts.putJson(fields);
  }

  /** Removes facts without recomputing; returns the weeks they could move. */
  public SortedSet<IsoWeek> absorbRemoved(Collection<FactKey> keys) {
    SortedSet<IsoWeek> moved = affected(forgetting(facts.remove(keys)));
    movedMeanwhile(moved);
    return moved;
  }

  /**
   * Takes the figures of an earlier snapshot as this one's (before a recomputation from reloaded
   * facts, so that it reports what it changed against what was served).
   */
  public void adopt(FigureSnapshot previous) {
    movedEverythingMeanwhile();
    reusable.clear();
    weeks.clear();
    weeks.putAll(previous.weeks());
  }

  /** How many weeks have figures (at most the range's). */
  public int weeksWithFigures() {
    return weeks.size();
  }

  /** How many weeks the range holds. */
  public int weekCount() {
    int count = 0;
    for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
      count++;
    }
    return count;
  }

  /** Removes facts (erasure) and recomputes the weeks they moved. */
  public FigureChanges remove(Collection<FactKey> keys, Instant now) {
    return recompute(forgetting(facts.remove(keys)), now);
  }

  /**
   * A new organization model or a new range of weeks (the current week moved on): everything is
   * recomputed.
   */
  public FigureChanges reset(OrgModel newOrg, IsoWeek newFrom, IsoWeek newTo, Instant now) {
    this.org = newOrg;
    this.deploymentReach = null;
    this.from = newFrom;
    this.to = newTo;
    return recomputeAll(now);
  }

  /** Recomputes the given weeks (e.g. the last weeks, as their windows close with time). */
  public FigureChanges recomputeWeeks(SortedSet<IsoWeek> asked, Instant now) {
    long start = System.nanoTime();
    TreeSet<IsoWeek> inRange = new TreeSet<>();
    for (IsoWeek week : asked) {
      if (week.compareTo(from) >= 0 && week.compareTo(to) <= 0) {
        inRange.add(week);
      }
    }
    return recomputeWeeks(inRange, now, start);
  }

  private FigureChanges recompute(List<LiveFacts.Change> changes, Instant now) {
    long start = System.nanoTime();
    return recomputeWeeks(new TreeSet<>(affected(changes)), now, start);
  }

  /**
   * Lets go of the kept contributions these changes can move: those of the families reading the
   * changed fact's kind, in the weeks the change can move. Returns the changes.
   */
  private List<LiveFacts.Change> forgetting(List<LiveFacts.Change> changes) {
    if (deploymentReach != null) {
      deploymentReach.changed(changes);
    }
    if (reusable.isEmpty() || changes.isEmpty()) {
      return changes;
    }
    AffectedWeeks weeksOf = new AffectedWeeks(org, facts, this::deploymentReach);
    for (LiveFacts.Change change : changes) {
      java.util.function.Predicate<MetricFamily> readsIt =
          family -> family.reads().contains(change.key().kind());
      if (reusable.values().stream().noneMatch(kept -> kept.keySet().stream().anyMatch(readsIt))) {
        continue; // no kept family reads this kind: nothing to forget, no weeks to work out
      }
      TreeSet<IsoWeek> moved = new TreeSet<>();
      weeksOf.add(change, from, to, moved);
      for (IsoWeek week : moved) {
        Map<MetricFamily, List<Contribution>> kept = reusable.get(week);
        if (kept != null) {
          kept.keySet().removeIf(readsIt); // the engine hands over maps of its own
        }
      }
    }
    return changes;
  }

  private DeploymentReach deploymentReach() {
    if (deploymentReach == null) {
      deploymentReach = new DeploymentReach(org, facts);
    }
    return deploymentReach;
  }

  private void forgetDeploymentReach() {
    if (deploymentReach != null) {
      deploymentReach.forget();
    }
  }

  private SortedSet<IsoWeek> affected(List<LiveFacts.Change> changes) {
    TreeSet<IsoWeek> affected = new TreeSet<>();
    AffectedWeeks weeksOf = new AffectedWeeks(org, facts, this::deploymentReach);
    for (LiveFacts.Change change : changes) {
      weeksOf.add(change, from, to, affected);
    }
    return affected;
  }

  private FigureChanges recomputeWeeks(TreeSet<IsoWeek> recomputed, Instant now, long start) {
    if (recomputed.isEmpty()) {
      return FigureChanges.NONE;
    }
    movedMeanwhile(recomputed);
    Map<IsoWeek, WeekFigures> before = new HashMap<>(weeks);
    computeRuns(recomputed, now, null, before);
    rederive(now, recomputed, before);
    return FigureChanges.betweenWeeks(before, weeks, recomputed, start);
  }

  /**
   * Computes runs of consecutive weeks (at most {@link #chunkWeeks} each), each from one window of
   * facts, and files their figures (what reads across weeks is re-derived afterwards). A week on
   * its own runs only the families whose facts changed; {@code kept}, when in a run, keeps its
   * contributions for the next update.
   */
  private void computeRuns(
      SortedSet<IsoWeek> recomputed, Instant now, IsoWeek kept, Map<IsoWeek, WeekFigures> before) {
    FactSet all = fixedFacts != null ? fixedFacts : facts.factSet();
    IsoWeek historyBegins =
        all.firstMoment().map(first -> IsoWeek.of(first, org.org().timeZone())).orElse(null);
    for (List<IsoWeek> run : runs(recomputed, chunkWeeks, historyBegins)) {
      IsoWeek first = run.get(0);
      IsoWeek last = run.get(run.size() - 1);
      EngineContext context =
          context(FactWindow.around(all, first, last, org.org().timeZone()), first, last, now);
      EngineResult result;
      if (kept != null && run.contains(kept)) {
        MetricsEngine.Reusable computed = engine.computeKeeping(context, kept);
        reusable.put(kept, computed.contributions());
        result = computed.result();
      } else if (kept == null && run.size() == 1) {
        // a week on its own (a new event's): the families whose facts did not change are not run
        MetricsEngine.Reusable computed =
            engine.computeReusing(context, reusable.getOrDefault(first, Map.of()));
        reusable.remove(first);
        reusable.put(first, computed.contributions());
        if (reusable.size() > REUSABLE_WEEKS) {
          reusable.remove(reusable.keySet().iterator().next());
        }
        result = computed.result();
      } else {
        result = engine.computeFigures(context);
      }
      run.forEach(weeks::remove);
      putByWeek(result, before);
    }
  }

  /**
   * Files computed figures under their weeks, but for those re-derived afterwards. A figure or
   * summary equal to the one held before keeps the earlier instance: after a recomputation that
   * changed little, the new figures die young instead of doubling what is held.
   */
  private void putByWeek(EngineResult result, Map<IsoWeek, WeekFigures> before) {
    // weeks are filed side by side: comparing a year's figures with those held is a fifth of a
    // full recomputation on one thread
    List<IsoWeek> filing = new ArrayList<>(result.weeks());
    List<WeekFigures> filed =
        filing.parallelStream()
            .map(
                week ->
                    WeekFigures.ofMetrics(
                        withoutRederived(result.figuresOf(week)),
                        result.summaries().getOrDefault(week, Map.of()),
                        result.contributors().get(week),
                        before.get(week)))
            .toList();
    for (int i = 0; i < filing.size(); i++) {
      if (!filed.get(i).isEmpty()) {
        weeks.put(filing.get(i), filed.get(i));
      }
    }
  }

  /** A week's figures but those re-derived across weeks afterwards (weeks to adoption). */
  private static Map<MetricId, Map<ScopeId, Figure>> withoutRederived(
      Map<MetricId, Map<ScopeId, Figure>> computed) {
    if (!computed.containsKey(MetricId.WEEKS_TO_90PCT_ADOPTION)) {
      return computed;
    }
    Map<MetricId, Map<ScopeId, Figure>> kept = new java.util.EnumMap<>(computed);
    kept.remove(MetricId.WEEKS_TO_90PCT_ADOPTION);
    return kept;
  }

  /**
   * Deployment frequency tiers (each reads the 4 weeks ending it) for the recomputed weeks and the
   * 3 after them, and weeks to adoption (a pilot pod's whole series of weekly active AI users):
   * only the weeks where they change get a new instance.
   */
  private void rederive(
      Instant now, SortedSet<IsoWeek> recomputed, Map<IsoWeek, WeekFigures> before) {
    IsoWeek tiersFrom = recomputed.first();
    IsoWeek tiersTo = recomputed.last().plusWeeks(3);
    IsoWeek readFrom = tiersFrom.plusWeeks(-3);
    List<ScopeId> pilotPods = new ArrayList<>();
    org.pilots().forEach(pilot -> pilotPods.add(ScopeId.pod(pilot.pod())));
    FigureTable acrossWeeks = new FigureTable();
    weeks.forEach(
        (week, figures) -> {
          if (week.compareTo(readFrom) >= 0 && week.compareTo(tiersTo) <= 0) {
            figures
                .of(MetricId.DEPLOYMENT_FREQUENCY)
                .values()
                .forEach(f -> acrossWeeks.put(key(f), f));
            figures.of(MetricId.DEPLOY_DAYS).values().forEach(f -> acrossWeeks.put(key(f), f));
          }
          for (ScopeId pod : pilotPods) {
            Figure adoption = figures.figure(MetricId.WEEKLY_ACTIVE_AI_USERS, pod);
            if (adoption != null) {
              acrossWeeks.put(key(adoption), adoption);
            }
          }
        });
    engine.rederive(acrossWeeks, context(FactSet.ofTyped(Map.of()), from, to, now));
    Map<IsoWeek, Map<MetricId, Map<ScopeId, Figure>>> derived = new HashMap<>();
    for (Figure figure : acrossWeeks.values()) {
      if (REDERIVED.contains(figure.metric())) {
        WeekFigures earlier = before.get(figure.week());
        Figure was = earlier == null ? null : earlier.figure(figure.metric(), figure.scope());
        derived
            .computeIfAbsent(figure.week(), w -> new HashMap<>())
            .computeIfAbsent(figure.metric(), m -> new HashMap<>())
            .put(figure.scope(), figure.equals(was) ? was : figure);
      }
    }
    TreeSet<IsoWeek> touched = new TreeSet<>(weeks.keySet());
    touched.addAll(derived.keySet());
    for (IsoWeek week : touched) {
      boolean tiersMove = week.compareTo(tiersFrom) >= 0 && week.compareTo(tiersTo) <= 0;
      WeekFigures figures = weeks.getOrDefault(week, WeekFigures.EMPTY);
      for (MetricId metric : REDERIVED) {
        if (metric == MetricId.DEPLOYMENT_FREQUENCY && !tiersMove) {
          continue;
        }
        Map<ScopeId, Figure> rederived =
            derived.getOrDefault(week, Map.of()).getOrDefault(metric, Map.of());
        if (!figures.of(metric).equals(rederived)) {
          figures = figures.with(metric, rederived, before.get(week));
        }
      }
      if (figures != WeekFigures.EMPTY) {
        weeks.put(week, figures);
      }
    }
  }

  /**
   * Consecutive weeks together: each run is computed at once from one window of facts, and reads
   * the facts of its margins ({@link FactWindow#MARGIN}) again. Weeks before {@code historyBegins}
   * (null: none) join the run after them without counting towards its length: they pool few cells.
   * A run of fewer than a quarter of {@code longest} weeks left at the end of consecutive weeks
   * joins the run before it.
   */
  static List<List<IsoWeek>> runs(SortedSet<IsoWeek> weeks, int longest, IsoWeek historyBegins) {
    List<List<IsoWeek>> runs = new ArrayList<>();
    List<IsoWeek> run = new ArrayList<>();
    int counted = 0;
    boolean followsRun = false; // the run under way continues the last one closed
    for (IsoWeek week : weeks) {
      boolean consecutive = !run.isEmpty() && run.get(run.size() - 1).plusWeeks(1).equals(week);
      if (!run.isEmpty() && (counted == longest || !consecutive)) {
        closeRun(runs, run, counted, longest, followsRun);
        followsRun = consecutive;
        run = new ArrayList<>();
        counted = 0;
      }
      run.add(week);
      if (historyBegins == null || week.compareTo(historyBegins) >= 0) {
        counted++;
      }
    }
    if (!run.isEmpty()) {
      closeRun(runs, run, counted, longest, followsRun);
    }
    return runs;
  }

  private static void closeRun(
      List<List<IsoWeek>> runs, List<IsoWeek> run, int counted, int longest, boolean followsRun) {
    if (followsRun && counted * 4 < longest) {
      runs.get(runs.size() - 1).addAll(run);
    } else {
      runs.add(run);
    }
  }

  private EngineContext context(FactSet factSet, IsoWeek first, IsoWeek last, Instant now) {
    return new EngineContext(lookups(), factSet, first, last, now);
  }

  /** The lookups of the model in force, made anew when the model changes. */
  private OrgLookups lookups() {
    if (lookups == null || lookups.org() != org) {
      lookups = new OrgLookups(org);
    }
    return lookups;
  }

  private static FigureKey key(Figure figure) {
    return new FigureKey(figure.metric(), figure.scope(), figure.week());
  }

  /** The figures, facts and model as they are now, for readers on other threads. */
  public FigureSnapshot snapshot() {
    return new FigureSnapshot(weeks, facts.factSet(), lookups(), from, to);
  }

  // ---- reads (the owner's; other threads read a snapshot) ----

  public Figure figure(MetricId metric, ScopeId scope, IsoWeek week) {
    WeekFigures figures = weeks.get(week);
    return figures == null ? null : figures.figure(metric, scope);
  }

  public Map<MetricId, TreeMap<IsoWeek, Figure>> series(
      ScopeId scope, Collection<MetricId> metrics, IsoWeek first, IsoWeek last) {
    return snapshot().series(scope, metrics, first, last);
  }

  /** Every figure held (a copy). */
  public Map<FigureKey, Figure> all() {
    return snapshot().all();
  }

  public int factCount() {
    return facts.size();
  }

  public FactSet facts() {
    return facts.factSet();
  }

  public OrgModel org() {
    return org;
  }

  public IsoWeek from() {
    return from;
  }

  public IsoWeek to() {
    return to;
  }
}
