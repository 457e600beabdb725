package io.podometer.web.figures;

import io.podometer.engine.event.FactKey;
import io.podometer.engine.live.FigureChanges;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.live.FullComputation;
import io.podometer.engine.live.MaterializedFigures;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.org.OrgChanged;
import io.podometer.web.org.OrgService;
import io.podometer.web.org.OrgSnapshot;
import io.podometer.web.store.FactQueries;
import io.podometer.web.store.StoredFact;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Keeps every figure current and serves them as immutable snapshots: a read never waits for an
 * update. At start the stored figures are served if they were computed for the organization model
 * in force and the current weeks (else everything is recomputed). Committed ingestions hand over
 * the facts they folded; one worker absorbs them, recomputes the weeks they can move, publishes a
 * new snapshot and then stores the cells that changed. While a bulk load keeps batches coming, an
 * update touching many weeks waits until ingestion pauses (at most the configured lag) and then
 * becomes one full recomputation. A new organization model, a new week, or an administrator's
 * request recomputes everything too. A full recomputation runs on a thread of its own while the
 * worker goes on applying new facts; the weeks those move are recomputed again as its figures are
 * installed. Each day the last weeks are recomputed as their windows close.
 */
@ApplicationScoped
public class FigureService {

  private static final Logger LOG = Logger.getLogger(FigureService.class);
  static final String ENGINE = EngineVersion.current();
  private static final int CLOSING_WEEKS = 6;

  private static final long RECHECK_MILLIS = 250;
  // no event for this long since the last came or was shown: a stream of single events has paused
  private static final long QUIET_NANOS = Duration.ofSeconds(2).toNanos();
  private static final int LOAD_CHUNK = 20_000;

  /**
   * How long before its hand-over to the figures a fact may have been written: longer than an
   * ingestion's transaction may last (60 s). Stored figures are trusted only for facts written this
   * long before they were last brought up to date.
   */
  private static final Duration HANDOVER = Duration.ofMinutes(2);

  @Inject FactQueries facts;
  @Inject OrgService orgs;
  @Inject FigureStore store;
  @Inject Clock clock;
  @Inject PodometerConfig config;

  // members' own figures are computed when they ask (MemberFigures), not kept for everyone
  private final MetricsEngine engine = MetricFamilies.engine().withoutMembers();
  private final ReclaimAfterCatchUp reclaim = new ReclaimAfterCatchUp();
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(daemon("podometer-figures"));

  // runs full recomputations, and the parallel work within them, apart from the worker's and the
  // readers' (the common pool): a new event's update does not queue behind a year's computation
  private final AtomicInteger fullComputerThreads = new AtomicInteger();

  private final ForkJoinPool fullComputer =
      new ForkJoinPool(
          Runtime.getRuntime().availableProcessors(),
          pool -> {
            ForkJoinWorkerThread thread =
                ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            // the pool index is not assigned yet here: every thread would be "-0"
            thread.setName("podometer-full-computation-" + fullComputerThreads.incrementAndGet());
            return thread;
          },
          null,
          false);

  // stores the cells an update changed, in order, while the worker goes on with the next update
  private final ExecutorService cellWriter =
      Executors.newSingleThreadExecutor(daemon("podometer-figure-cells"));
  // cells handed to the writer and not stored yet (what a restart now would recompute)
  private final AtomicInteger cellsStoring = new AtomicInteger();

  // handed over by ingestion and erasure; guarded by itself
  private final Pending pending = new Pending();

  // owned by the worker thread
  private MaterializedFigures live;
  private final TreeSet<IsoWeek> dirty = new TreeSet<>();
  // among the dirty weeks, those of the changed facts' own moments: recomputed first
  private final TreeSet<IsoWeek> shownFirst = new TreeSet<>();
  // the dirty weeks are those further back than new facts' own weeks, left while events stream in
  private boolean backWeeksWait;
  private long lastShownNanos;
  // most weeks are dirty: the next update recomputes everything, so weeks are no longer worked out
  private boolean everythingDirty;
  // the full recomputation under way, and those asked for meanwhile (run once it is installed)
  private FullRun fullRun;
  private final List<String> fullAskedWhy = new ArrayList<>();
  private final List<CompletableFuture<RecomputeReport>> fullAsked = new ArrayList<>();
  // completed once no full recomputation is under way or asked for (replaced as one begins)
  private CompletableFuture<Void> fullRunsOver = CompletableFuture.completedFuture(null);
  // a test holds full recomputations at a gate to see what happens while one is under way
  private volatile FullComputationGate fullComputationGate;
  private int absorbed;
  // read by tests
  private volatile int catchUpsInstalled;
  private Instant absorbedAsOf;
  private long absorbedSinceNanos;
  // how long recomputing one week of figures took last time (0: not measured yet)
  private long nanosPerWeek;
  // every fact handed over before this moment is in the live facts
  private Instant factsTakenAt;
  // ... and in every figure (no week left to recompute): stored with the figures
  private Instant reflectedUpTo;

  // failures to compute or store figures, until everything is computed and stored again
  private volatile FigureHealth health;
  private final java.util.concurrent.atomic.AtomicBoolean storeRetryScheduled =
      new java.util.concurrent.atomic.AtomicBoolean();

  // what readers see
  private volatile FigureSnapshot snapshot;
  private volatile long orgVersion;
  private volatile Instant dataAsOf;
  private volatile Instant lastRecompute;
  private volatile int waitingInWorker;

  @jakarta.annotation.PostConstruct
  void createHealth() {
    health = new FigureHealth(clock); // asked for even before the figures are first computed
  }

  /** Loads or computes the figures; called once at start, after the demo or org file import. */
  public void start() {
    long started = System.nanoTime();
    LOG.debugf(
        "a concurrent collection after a bulk load's catch-up: %s",
        reclaim.enabled() ? "yes" : "no (-XX:+ExplicitGCInvokesConcurrent not set)");
    OrgSnapshot org = orgs.current();
    IsoWeek to = currentWeek(org);
    IsoWeek from = to.plusWeeks(-(config.figures().weeks() - 1));
    factsTakenAt = clock.instant();
    reflectedUpTo = factsTakenAt; // what is loaded now is every fact there is
    MaterializedFigures loaded = loadFacts(org, from, to, true);
    Optional<FigureStore.State> state = store.state();
    boolean current =
        state.isPresent()
            && state.get().orgVersion() == org.version()
            && state.get().from().equals(from)
            && state.get().to().equals(to)
            && state.get().engine().equals(ENGINE)
            && reflectsEveryFact(state.get());
    boolean servedStored = current && !config.figures().recomputeOnStart();
    if (servedStored) {
      loaded.load(store.loadAll());
      lastRecompute = state.get().computedAt();
      LOG.infof(
          "%d stored figures served (%s..%s) in %d ms",
          loaded.snapshot().size(), from, to, (System.nanoTime() - started) / 1_000_000);
    } else {
      long computing = System.nanoTime();
      loaded.recomputeAll(clock.instant());
      nanosPerWeek = (System.nanoTime() - computing) / loaded.weekCount();
      store.replaceAll(loaded.snapshot(), state(org.version(), loaded));
      lastRecompute = clock.instant();
      LOG.infof(
          "%d figures computed (%s..%s) in %d ms",
          loaded.snapshot().size(), from, to, (System.nanoTime() - started) / 1_000_000);
    }
    live = loaded;
    orgVersion = org.version();
    dataAsOf = facts.dataAsOf().orElse(null);
    snapshot = live.snapshot();
    pending.clear();
    if (servedStored) {
      // stored cells hold figures, not what range totals pool: one recomputation in the background
      // brings that back (it changes no figure and stores nothing when nothing changed)
      worker.execute(
          () ->
              logFailure("recomputing after the start", () -> recomputeEverything("range totals")));
    }
    if (!servedStored) {
      prepareForUpdates();
    }
    worker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
  }

  /**
   * Whether stored figures reflect every stored fact: none was written after they were last brought
   * up to date (less the hand-over allowance). A crash between a 202 and the storing of the cells
   * it changed leaves figures older than the facts: they are recomputed, not served.
   */
  private boolean reflectsEveryFact(FigureStore.State state) {
    if (state.factsUpTo() == null) {
      LOG.info("stored figures do not say up to when they reflect the facts: recomputing");
      return false;
    }
    Optional<Instant> lastWritten = facts.lastWritten();
    boolean reflects =
        lastWritten.isEmpty() || lastWritten.get().isBefore(state.factsUpTo().minus(HANDOVER));
    if (!reflects) {
      LOG.infof(
          "stored figures reflect the facts up to %s, a fact was written at %s: recomputing",
          state.factsUpTo(), lastWritten.get());
    }
    return reflects;
  }

  /** The figures in force; null before {@link #start}. */
  public FigureSnapshot figures() {
    return snapshot;
  }

  /** The newest moment of any fact the figures reflect: "data as of". */
  public Optional<Instant> dataAsOf() {
    return Optional.ofNullable(dataAsOf);
  }

  public long orgVersion() {
    return orgVersion;
  }

  public Optional<Instant> lastFullRecompute() {
    return Optional.ofNullable(lastRecompute);
  }

  /** How current the figures are. */
  public FigureStatus status() {
    int waiting = pending.size() + waitingInWorker;
    return new FigureStatus(waiting > 0, waiting, dataAsOf, lastRecompute);
  }

  /**
   * Facts folded by an ingestion that has committed (called on the ingesting thread): the worker
   * takes them over; this returns at once.
   */
  public void factsFolded(List<StoredFact> folded) {
    if (pending.addFolded(folded, System.nanoTime()) && snapshot != null) {
      worker.execute(() -> drain(false));
    }
  }

  void onFactsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) FactsChanged changed) {
    if (pending.addReread(changed.keys()) && snapshot != null) {
      worker.execute(() -> drain(false));
    }
  }

  void onOrgChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrgChanged changed) {
    if (snapshot != null) {
      worker.execute(
          () ->
              logFailure(
                  "recomputing for organization model " + changed.version(),
                  () -> recomputeEverything("organization model " + changed.version())));
    }
  }

  /**
   * Recomputes every figure now from the facts held and stores them (administrators); answers once
   * they are stored.
   *
   * @throws FiguresNotUpdated when computing or storing them failed
   */
  public RecomputeReport recomputeAll() {
    return reportingFailures("recomputing on request", () -> recomputeEverything("on request"));
  }

  /**
   * Reads every fact from the store again and recomputes every figure (after the store changed
   * underneath, e.g. the retention job deleted facts).
   */
  public RecomputeReport reloadFromStore(String why) {
    return reportingFailures(
        "recomputing after " + why, () -> CompletableFuture.completedFuture(reload(why)));
  }

  /** Failures of the figure pipeline, for administrators. */
  public FigureHealth.View health() {
    return health.view(cellsStoring.get());
  }

  private RecomputeReport reportingFailures(
      String during, Callable<CompletableFuture<RecomputeReport>> work) {
    long before = health.failures();
    RecomputeReport report;
    try {
      report = onWorker(work);
      awaitStored(TimeUnit.MINUTES.toMillis(10));
    } catch (IllegalStateException | ExecutionException | TimeoutException e) {
      health.failed(during, e);
      throw new FiguresNotUpdated(during, health.last());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FiguresNotUpdated(during, health.last());
    }
    if (health.failures() > before) {
      throw new FiguresNotUpdated(during, health.last());
    }
    return report;
  }

  /**
   * Waits until every committed fact has reached the figures (tests, scripts, erasure); false when
   * that takes longer than {@code timeout} or the figures could not be brought up to date.
   */
  public boolean awaitCurrent(Duration timeout) {
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      do {
        CompletableFuture<Void> over =
            worker
                .submit(
                    () -> {
                      drain(true);
                      return fullRunsOver;
                    })
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!over.isDone()) {
          over.get(left, TimeUnit.MILLISECONDS); // a full recomputation is under way
        } else if (pending.size() == 0 && waitingInWorker == 0) {
          awaitStored(left);
          return !health.failing();
        }
      } while (System.nanoTime() < deadline);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /**
   * What a full recomputation did: figures held, how many differed from those served, and how many
   * cells were stored.
   */
  public record RecomputeReport(
      int figures, int changed, int removed, int cellsWritten, long millis) {}

  // ---- on the worker thread ----

  /**
   * Absorbs what is pending and brings the figures up to date, unless ({@code force} aside) a bulk
   * load is still coming in and the update would span many weeks: then it checks again shortly.
   */
  private void drain(boolean force) {
    try {
      absorbPending();
      if (dirty.isEmpty() && !everythingDirty) {
        boolean absorbedSome = absorbed > 0;
        settle();
        if (absorbedSome) {
          persist(Set.of()); // the figures reflect the facts up to a later moment
        }
        return;
      }
      if (!force && bulkLoadGoingOn()) {
        drainShortly();
        return;
      }
      if (everythingDirty) {
        if (fullRun == null) {
          // most weeks moved (a bulk load): one full recomputation, on its own thread
          beginFullRun("catching up with " + absorbed + " facts", true, List.of());
        }
        return; // else what waits goes into the one that follows the one under way
      }
      long started = System.nanoTime();
      int weeks = dirty.size();
      boolean shownNow = false;
      if (!shownFirst.isEmpty() && shownFirst.size() < dirty.size()) {
        shownNow = true;
        // the weeks where the new facts happened first, published at once; the weeks they can
        // move further back follow
        FigureChanges first = live.recomputeWeeks(shownFirst, clock.instant());
        Set<FigureStore.Cell> firstCells = toStore(first);
        dirty.removeAll(shownFirst);
        snapshot = live.snapshot();
        LOG.debugf(
            "%s shown first in %d ms", shownFirst, (System.nanoTime() - started) / 1_000_000);
        persist(firstCells);
        lastShownNanos = System.nanoTime();
      }
      shownFirst.clear();
      if (!force && (shownNow || backWeeksWait) && eventsStillComing()) {
        backWeeksWait = true;
        // while events keep coming one after another, each shows in its own week first and the
        // weeks further back are recomputed once when they pause (or when the lag allows no more)
        drainShortly();
        return;
      }
      backWeeksWait = false;
      FigureChanges changes = live.recomputeWeeks(dirty, clock.instant());
      Set<FigureStore.Cell> changedCells = toStore(changes);
      dirty.clear();
      nanosPerWeek = (System.nanoTime() - started) / weeks;
      int facts = absorbed;
      settle();
      snapshot = live.snapshot();
      int cells = persist(changedCells);
      LOG.debugf(
          "%d facts applied: %d weeks recomputed, %d figures changed, %d removed, %d cells"
              + " stored in %d ms",
          facts,
          weeks,
          changes.upserted().size(),
          changes.removed().size(),
          cells,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.errorf(e, "figures not updated; recomputing everything");
      health.failed("updating figures", e);
      logFailure("recomputing after a failed update", () -> reload("after a failed update"));
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Looks again in a moment (once, however often asked meanwhile). */
  private void drainShortly() {
    if (pending.scheduleRecheck()) {
      worker.schedule(
          () -> {
            pending.recheckRan();
            drain(false);
          },
          RECHECK_MILLIS,
          TimeUnit.MILLISECONDS);
    }
  }

  /** Events came in a moment ago and the figures may still lag: the weeks further back can wait. */
  private boolean eventsStillComing() {
    long now = System.nanoTime();
    return now - Math.max(pending.lastIngestNanos(), lastShownNanos) < QUIET_NANOS
        && now - absorbedSinceNanos < config.figures().maxLag().toNanos();
  }

  private boolean bulkLoadGoingOn() {
    int weeks = everythingDirty ? live.weekCount() : dirty.size();
    return BulkLoad.goingOn(
        absorbed,
        nanosPerWeek * weeks,
        System.nanoTime(),
        pending.lastIngestNanos(),
        pending.previousIngestNanos(),
        absorbedSinceNanos,
        config.figures().maxLag().toNanos());
  }

  /** Takes what ingestion and erasure handed over into the live facts; marks the weeks to redo. */
  private void absorbPending() {
    Instant takingAt = clock.instant();
    Pending.Taken taken = pending.take();
    factsTakenAt = takingAt;
    if (taken.isEmpty()) {
      return;
    }
    Map<FactKey, String> fields = new HashMap<>(taken.fields());
    Set<FactKey> removed = new HashSet<>();
    if (!taken.reread().isEmpty()) {
      Set<FactKey> found = new HashSet<>();
      for (StoredFact fact : facts.stored(taken.reread())) {
        fields.put(fact.key(), fact.fields());
        found.add(fact.key());
        newest(fact.lastOccurredAt());
      }
      for (FactKey key : taken.reread()) {
        if (!found.contains(key)) {
          removed.add(key);
        }
      }
    }
    newest(taken.newest());
    if (absorbedSinceNanos == 0) {
      absorbedSinceNanos = taken.firstNanos();
    }
    if (everythingDirty) {
      live.absorbStoredForFullRecompute(fields);
    } else {
      live.absorbStored(fields, dirty, shownFirst);
    }
    if (!removed.isEmpty()) {
      dirty.addAll(live.absorbRemoved(removed));
    }
    // recomputing most weeks one by one costs more than recomputing every week at once
    if (dirty.size() * 2 > live.weeksWithFigures()) {
      everythingDirty = true;
    }
    if (everythingDirty && fullRun != null) {
      fullRun.computation().movedEverything(); // left to the next full recomputation
    }
    absorbed += fields.size() + removed.size();
    waitingInWorker = absorbed;
  }

  /** Everything absorbed is in the figures (or moves none): "data as of" moves on. */
  private void settle() {
    reflectedUpTo = factsTakenAt;
    absorbed = 0;
    absorbedSinceNanos = 0;
    waitingInWorker = 0;
    if (absorbedAsOf != null && (dataAsOf == null || absorbedAsOf.isAfter(dataAsOf))) {
      dataAsOf = absorbedAsOf;
    }
    absorbedAsOf = null;
  }

  private void newest(Instant at) {
    if (at != null && (absorbedAsOf == null || at.isAfter(absorbedAsOf))) {
      absorbedAsOf = at;
    }
  }

  /**
   * Recomputes every figure on a thread of its own while the worker goes on applying new facts; the
   * future completes once the figures are installed. Asked while one is under way, another follows
   * it (it may have begun before what prompted the ask).
   */
  private CompletableFuture<RecomputeReport> recomputeEverything(String why) {
    CompletableFuture<RecomputeReport> done = new CompletableFuture<>();
    if (fullRun != null) {
      fullAskedWhy.add(why);
      fullAsked.add(done);
    } else {
      beginFullRun(why, false, List.of(done));
    }
    return done;
  }

  private void beginFullRun(
      String why, boolean catchUp, List<CompletableFuture<RecomputeReport>> waiting) {
    long started = System.nanoTime();
    absorbPending();
    if (everythingDirty) {
      // what a bulk load left for a full recomputation is in this one
      everythingDirty = false;
      dirty.clear();
      shownFirst.clear();
    }
    OrgSnapshot org = orgs.current();
    IsoWeek to = currentWeek(org);
    IsoWeek from = to.plusWeeks(-(config.figures().weeks() - 1));
    FullComputation computation = live.beginFullComputation(org.model(), from, to, clock.instant());
    FullRun run = new FullRun(why, catchUp, org, started, computation, live, waiting);
    fullComputer.execute(
        () -> {
          try {
            FullComputationGate gate = fullComputationGate;
            if (gate != null) {
              gate.reached().countDown();
              gate.open().await();
            }
            computation.run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException | Error e) {
            // kept by the computation: installing it reports the failure
          } finally {
            try {
              worker.execute(() -> installFullRun(run));
            } catch (RejectedExecutionException e) {
              // the server is stopping
            }
          }
        });
    fullRun = run; // installed on this thread, after this returns
    if (fullRunsOver.isDone()) {
      fullRunsOver = new CompletableFuture<>();
    }
  }

  /** On the worker, once a full recomputation has run: its figures in force, what followed next. */
  private void installFullRun(FullRun run) {
    if (run != fullRun) {
      return;
    }
    fullRun = null;
    List<CompletableFuture<RecomputeReport>> waiting = new ArrayList<>(run.waiting());
    try {
      if (run.figures() != live) {
        // the figures were reloaded from the store meanwhile: once more, on those
        beginFullRun(run.why(), run.catchUp(), waiting);
        return;
      }
      FigureChanges changes = live.install(run.computation(), clock.instant());
      RecomputeReport report =
          finishFullRecompute(
              run.why(),
              run.org(),
              changes,
              run.started(),
              run.computation().everythingMovedMeanwhile());
      waiting.forEach(done -> done.complete(report));
      if (run.catchUp() && !run.computation().everythingMovedMeanwhile()) {
        catchUpsInstalled++;
        reclaim.afterCatchUp(); // the figures it replaced are the collector's now
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "figure recomputation failed (%s); reloading the facts", run.why());
      health.failed("recomputing (" + run.why() + ")", e);
      waiting.forEach(done -> done.completeExceptionally(e));
      // the live figures may be half switched to the new model or range: read everything again
      logFailure(
          "recomputing after a failed full recomputation",
          () -> reload("after a failed full recomputation"));
    }
    if (fullRun == null && !fullAsked.isEmpty()) {
      String why = String.join(", ", fullAskedWhy);
      List<CompletableFuture<RecomputeReport>> asked = new ArrayList<>(fullAsked);
      fullAskedWhy.clear();
      fullAsked.clear();
      try {
        beginFullRun(why, false, asked);
      } catch (RuntimeException e) {
        LOG.errorf(e, "figure recomputation failed (%s)", why);
        health.failed("recomputing (" + why + ")", e);
        asked.forEach(done -> done.completeExceptionally(e));
      }
    }
    if (fullRun == null) {
      fullRunsOver.complete(null);
    }
  }

  /**
   * Full recomputations count {@code reached} down, then wait until {@code open} is (null: they do
   * not wait).
   */
  void holdFullComputations(FullComputationGate gate) {
    fullComputationGate = gate;
  }

  /**
   * Bulk loads' catch-ups installed so far (each asks the collector to reclaim what it replaced).
   */
  int catchUpsInstalled() {
    return catchUpsInstalled;
  }

  /** Where a test holds full recomputations. */
  record FullComputationGate(CountDownLatch reached, CountDownLatch open) {}

  /** A full recomputation under way and who waits for it. */
  private record FullRun(
      String why,
      boolean catchUp,
      OrgSnapshot org,
      long started,
      FullComputation computation,
      MaterializedFigures figures,
      List<CompletableFuture<RecomputeReport>> waiting) {}

  private RecomputeReport reload(String why) {
    long started = System.nanoTime();
    factsTakenAt = clock.instant();
    pending.take();
    OrgSnapshot org = orgs.current();
    IsoWeek to = currentWeek(org);
    IsoWeek from = to.plusWeeks(-(config.figures().weeks() - 1));
    MaterializedFigures reloaded = loadFacts(org, from, to, false);
    reloaded.adopt(live.snapshot());
    FigureChanges changes = reloaded.recomputeAll(clock.instant());
    live = reloaded;
    Instant newest = facts.dataAsOf().orElse(null);
    absorbedAsOf = null;
    dataAsOf = newest;
    return finishFullRecompute(why, org, changes, started, false);
  }

  /**
   * Publishes and stores a full recomputation's figures. After a bulk load came in meanwhile
   * ({@code bulkMeanwhile}), every fact up to its start is in them and the rest waits for the
   * load's own catch-up, as if it had not run: the worker checks again shortly, and waits while
   * batches keep coming.
   */
  private RecomputeReport finishFullRecompute(
      String why, OrgSnapshot org, FigureChanges changes, long started, boolean bulkMeanwhile) {
    Set<FigureStore.Cell> changedCells = toStore(changes);
    nanosPerWeek = (System.nanoTime() - started) / live.weekCount();
    if (bulkMeanwhile) {
      everythingDirty = true;
    } else {
      dirty.clear();
      shownFirst.clear();
      backWeeksWait = false;
      everythingDirty = false;
      settle();
    }
    orgVersion = org.version();
    snapshot = live.snapshot();
    lastRecompute = clock.instant();
    int cells = persist(changedCells, !bulkMeanwhile);
    if (bulkMeanwhile) {
      drainShortly();
    } else {
      prepareForUpdates(); // after what was asked is answered: the index the next update reads
    }
    int figures = snapshot.size();
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.infof(
        "every figure recomputed (%s%s): %d figures, %d changed, %d removed, %d cells stored, in"
            + " %d ms",
        why,
        bulkMeanwhile ? "; up to when it began, a bulk load came in meanwhile" : "",
        figures,
        changes.upserted().size(),
        changes.removed().size(),
        cells,
        millis);
    return new RecomputeReport(
        figures, changes.upserted().size(), changes.removed().size(), cells, millis);
  }

  /** Once a minute: a new week recomputes everything; a new day the last weeks. */
  private void tick() {
    try {
      OrgSnapshot org = orgs.current();
      IsoWeek week = currentWeek(org);
      if (!week.equals(live.to())) {
        recomputeEverything("week " + week + " began");
        return;
      }
      Instant now = clock.instant();
      if (lastRecompute == null || Duration.between(lastRecompute, now).toHours() >= 24) {
        TreeSet<IsoWeek> closing = new TreeSet<>();
        for (int back = 0; back < CLOSING_WEEKS; back++) {
          closing.add(week.plusWeeks(-back));
        }
        FigureChanges changes = live.recomputeWeeks(closing, now);
        Set<FigureStore.Cell> changedCells = toStore(changes);
        snapshot = live.snapshot();
        persist(changedCells);
        lastRecompute = now;
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "scheduled figure recomputation failed");
      health.failed("scheduled recomputation", e);
    }
  }

  /**
   * Hands the cells that changed to the writer, with the snapshot just published and the state it
   * was computed in; returns how many cells that is.
   */
  private int persist(Set<FigureStore.Cell> cells) {
    return persist(cells, false);
  }

  /**
   * The cells holding what an update changed, counted as waiting for the store from now on: before
   * the update is published, so that no one sees figures served and nothing waiting to be stored.
   */
  private Set<FigureStore.Cell> toStore(FigureChanges changes) {
    Set<FigureStore.Cell> cells = changes.isEmpty() ? Set.of() : FigureStore.cellsOf(changes);
    cellsStoring.addAndGet(cells.size());
    return cells;
  }

  /**
   * @param everything a full recomputation: once its cells are stored, the pipeline has recovered
   *     from any earlier failure
   */
  private int persist(Set<FigureStore.Cell> cells, boolean everything) {
    FigureSnapshot shown = snapshot;
    // without changed cells the state is still stored: the facts they reflect moved on
    FigureStore.State state = state(orgVersion, live);
    cellWriter.execute(
        () -> {
          long started = System.nanoTime();
          try {
            store.write(shown, cells, state);
            if (everything) {
              health.recovered();
            }
            if (!cells.isEmpty()) {
              LOG.debugf(
                  "%d cells stored in %d ms",
                  cells.size(), (System.nanoTime() - started) / 1_000_000);
            }
          } catch (RuntimeException e) {
            LOG.errorf(e, "changed figures not stored; recomputing everything");
            health.failed("storing figures", e);
            // once, a minute on: a store that keeps failing is not hammered by recomputations
            if (storeRetryScheduled.compareAndSet(false, true)) {
              worker.schedule(
                  () -> {
                    storeRetryScheduled.set(false);
                    logFailure(
                        "recomputing after a failed store write",
                        () -> reload("after a failed store write"));
                  },
                  1,
                  TimeUnit.MINUTES);
            }
          } finally {
            cellsStoring.addAndGet(-cells.size());
          }
        });
    return cells.size();
  }

  /** Waits until the cells handed to the writer so far are stored. */
  private void awaitStored(long timeoutMillis)
      throws InterruptedException, ExecutionException, TimeoutException {
    cellWriter.submit(() -> {}).get(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private FigureStore.State state(long version, MaterializedFigures figures) {
    return new FigureStore.State(
        version, figures.from(), figures.to(), ENGINE, clock.instant(), reflectedUpTo);
  }

  /** Every stored fact, read in chunks, into new live figures. */
  private MaterializedFigures loadFacts(
      OrgSnapshot org, IsoWeek from, IsoWeek to, boolean fileKeys) {
    MaterializedFigures loaded = new MaterializedFigures(engine, org.model(), from, to);
    facts.forEachChunk(
        LOAD_CHUNK,
        chunk -> {
          Map<FactKey, String> fields = new HashMap<>(chunk.size() * 2);
          chunk.forEach(f -> fields.put(f.key(), f.fields()));
          loaded.loadStoredFacts(fields);
        },
        fileKeys);
    return loaded;
  }

  /** Asks the worker for a recomputation and waits for its report (off the worker). */
  private RecomputeReport onWorker(Callable<CompletableFuture<RecomputeReport>> work) {
    Future<CompletableFuture<RecomputeReport>> asked = worker.submit(work);
    try {
      return asked.get().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recomputing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("recomputation failed: " + e.getCause().getMessage(), e);
    }
  }

  /** After a full recomputation, on the worker: the index the next update reads, built ahead. */
  private void prepareForUpdates() {
    worker.execute(
        () ->
            logFailure(
                "preparing for updates",
                () -> {
                  long started = System.nanoTime();
                  live.prepareForUpdates();
                  LOG.debugf(
                      "prepared for updates in %d ms", (System.nanoTime() - started) / 1_000_000);
                  return null;
                }));
  }

  private void logFailure(String during, java.util.concurrent.Callable<?> work) {
    try {
      work.call();
    } catch (Exception e) {
      LOG.errorf(e, "figure recomputation failed (%s)", during);
      health.failed(during, e);
    }
  }

  private IsoWeek currentWeek(OrgSnapshot org) {
    return IsoWeek.of(clock.instant(), org.model().org().timeZone());
  }

  @PreDestroy
  void stop() {
    // whoever waits for a full recomputation is told it will not come
    IllegalStateException stopping = new IllegalStateException("the server is stopping");
    try {
      FullRun running = fullRun;
      if (running != null) {
        running.waiting().forEach(done -> done.completeExceptionally(stopping));
      }
      new ArrayList<>(fullAsked).forEach(done -> done.completeExceptionally(stopping));
    } catch (RuntimeException e) {
      // the worker changed them meanwhile: it is being stopped too
    }
    fullRunsOver.complete(null);
    fullComputer.shutdownNow();
    worker.shutdownNow();
    // what the worker computed is stored before the process ends
    cellWriter.shutdown();
    try {
      if (!cellWriter.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.warn("figure cells still being stored at shutdown: the next start recomputes them");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What ingestion and erasure handed over and the worker has not taken yet. Thread-safe. */
  private static final class Pending {
    private Map<FactKey, String> fields = new HashMap<>();
    private Set<FactKey> reread = new HashSet<>();
    private Instant newest;
    private boolean drainQueued;
    private boolean recheckQueued;
    private long lastIngestNanos;
    private long previousIngestNanos;
    private long firstNanos;
    private int waiting;

    /** What was handed over, the newest moment among it, and when the first of it came. */
    record Taken(
        Map<FactKey, String> fields, Set<FactKey> reread, Instant newest, long firstNanos) {
      boolean isEmpty() {
        return fields.isEmpty() && reread.isEmpty();
      }
    }

    /** Adds folded facts; true when the worker should be woken. */
    synchronized boolean addFolded(Collection<StoredFact> folded, long nanos) {
      for (StoredFact fact : folded) {
        fields.put(fact.key(), fact.fields());
        if (newest == null || fact.lastOccurredAt().isAfter(newest)) {
          newest = fact.lastOccurredAt();
        }
      }
      previousIngestNanos = lastIngestNanos;
      lastIngestNanos = nanos;
      return queued(nanos);
    }

    synchronized boolean addReread(Collection<FactKey> keys) {
      reread.addAll(keys);
      return queued(System.nanoTime());
    }

    private boolean queued(long nanos) {
      waiting = fields.size() + reread.size();
      if (firstNanos == 0) {
        firstNanos = nanos;
      }
      if (drainQueued) {
        return false;
      }
      drainQueued = true;
      return true;
    }

    synchronized Taken take() {
      Taken taken = new Taken(fields, reread, newest, firstNanos);
      fields = new HashMap<>();
      reread = new HashSet<>();
      newest = null;
      drainQueued = false;
      waiting = 0;
      firstNanos = 0;
      return taken;
    }

    /** Drops what was handed over before the figures were loaded from the store. */
    synchronized void clear() {
      take();
    }

    synchronized boolean scheduleRecheck() {
      if (recheckQueued) {
        return false;
      }
      recheckQueued = true;
      return true;
    }

    synchronized void recheckRan() {
      recheckQueued = false;
    }

    synchronized int size() {
      return waiting;
    }

    /** When the last batch came (0: none yet). */
    synchronized long lastIngestNanos() {
      return lastIngestNanos;
    }

    /** When the batch before the last one came (0: none yet). */
    synchronized long previousIngestNanos() {
      return previousIngestNanos;
    }
  }
}
