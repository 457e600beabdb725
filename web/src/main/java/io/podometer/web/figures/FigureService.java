package io.podometer.web.figures;

import io.podometer.engine.fact.FactKey;
import io.podometer.engine.fact.FactKind;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.live.FigureChanges;
import io.podometer.engine.live.MaterializedFigures;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.org.OrgService;
import io.podometer.web.org.OrgSnapshot;
import io.podometer.web.store.FactQueries;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Keeps every figure current. At start the stored figures are served if they were computed for the
 * organization model in force and the current weeks (else everything is recomputed); then each
 * committed ingestion marks the weeks its facts can move, and one worker recomputes them, stores
 * what changed and serves it — usually well within a second. A new organization model, a new week,
 * or an administrator's request recomputes everything; each day the last weeks are recomputed as
 * their outcome windows close.
 */
@ApplicationScoped
public class FigureService {

  private static final Logger LOG = Logger.getLogger(FigureService.class);
  static final String ENGINE = EngineVersion.current();
  private static final int CLOSING_WEEKS = 6;

  @Inject FactQueries facts;
  @Inject OrgService orgs;
  @Inject FigureStore store;
  @Inject Clock clock;
  @Inject PodometerConfig config;

  private final MetricsEngine engine = MetricFamilies.engine();
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "podometer-figures");
            thread.setDaemon(true);
            return thread;
          });
  private final Set<FactKey> pending = new HashSet<>();
  private volatile MaterializedFigures figures;
  private volatile long orgVersion;
  private volatile Instant dataAsOf;
  private volatile Instant lastRecompute;
  private volatile IsoWeek closedWindowsFor;

  /** Loads or computes the figures; called once at start, after the demo or org file import. */
  public void start() {
    long started = System.nanoTime();
    OrgSnapshot org = orgs.current();
    IsoWeek to = currentWeek(org);
    IsoWeek from = to.plusWeeks(-(config.figures().weeks() - 1));
    MaterializedFigures loaded = new MaterializedFigures(engine, org.model(), from, to);
    loaded.loadFacts(allFacts());
    Optional<FigureStore.State> state = store.state();
    FigureStore.State wanted =
        new FigureStore.State(org.version(), from, to, ENGINE, clock.instant());
    boolean current =
        state.isPresent()
            && state.get().orgVersion() == org.version()
            && state.get().from().equals(from)
            && state.get().to().equals(to)
            && state.get().engine().equals(ENGINE);
    if (current && !config.figures().recomputeOnStart()) {
      List<Figure> stored = store.loadAll();
      loaded.load(stored);
      lastRecompute = state.get().computedAt();
      LOG.infof(
          "%d stored figures served (%s..%s) in %d ms",
          stored.size(), from, to, (System.nanoTime() - started) / 1_000_000);
    } else {
      loaded.recomputeAll(clock.instant());
      store.replaceAll(loaded.all().values(), wanted);
      lastRecompute = clock.instant();
      LOG.infof(
          "%d figures computed (%s..%s) in %d ms",
          loaded.all().size(), from, to, (System.nanoTime() - started) / 1_000_000);
    }
    figures = loaded;
    orgVersion = org.version();
    dataAsOf = facts.dataAsOf().orElse(null);
    closedWindowsFor = to;
    synchronized (pending) {
      pending.clear();
    }
    worker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
  }

  /** The figures in force; null before {@link #start}. */
  public MaterializedFigures figures() {
    return figures;
  }

  /** The newest moment of any fact applied: "data as of". */
  public Optional<Instant> dataAsOf() {
    return Optional.ofNullable(dataAsOf);
  }

  public long orgVersion() {
    return orgVersion;
  }

  public Optional<Instant> lastFullRecompute() {
    return Optional.ofNullable(lastRecompute);
  }

  void onFactsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) FactsChanged changed) {
    boolean first;
    synchronized (pending) {
      first = pending.isEmpty();
      pending.addAll(changed.keys());
    }
    if (first && figures != null) {
      worker.execute(this::applyPending);
    }
  }

  void onOrgChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrgChanged changed) {
    if (figures != null) {
      worker.execute(() -> recomputeEverything("organization model version " + changed.version()));
    }
  }

  /** Recomputes every figure now (administrators; also after a new model or week). */
  public RecomputeReport recomputeAll() {
    Future<RecomputeReport> done = worker.submit(() -> recomputeEverything("on request"));
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recomputing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("recomputation failed: " + e.getCause().getMessage(), e);
    }
  }

  /** Waits until every committed fact has reached the figures (tests, scripts). */
  public boolean awaitCurrent(Duration timeout) {
    try {
      worker.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      worker.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      synchronized (pending) {
        return pending.isEmpty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** What a full recomputation did: figures held, and how many differed from those served. */
  public record RecomputeReport(int figures, int changed, int removed, long millis) {}

  private void applyPending() {
    Set<FactKey> keys;
    synchronized (pending) {
      keys = new HashSet<>(pending);
      pending.clear();
    }
    if (keys.isEmpty()) {
      return;
    }
    try {
      List<FoldedFact> changed = facts.find(keys);
      FigureChanges changes = figures.apply(changed, clock.instant());
      persist(changes);
      for (FoldedFact fact : changed) {
        if (dataAsOf == null || fact.lastOccurredAt().isAfter(dataAsOf)) {
          dataAsOf = fact.lastOccurredAt();
        }
      }
      LOG.debugf(
          "%d facts changed: %d weeks recomputed, %d figures changed, %d removed in %d ms",
          keys.size(),
          changes.weeks().size(),
          changes.upserted().size(),
          changes.removed().size(),
          changes.nanos() / 1_000_000);
    } catch (RuntimeException e) {
      LOG.errorf(
          e, "figures not updated for %d changed facts; recomputing everything", keys.size());
      recomputeEverything("after a failed update");
    }
  }

  private RecomputeReport recomputeEverything(String why) {
    long started = System.nanoTime();
    OrgSnapshot org = orgs.current();
    IsoWeek to = currentWeek(org);
    IsoWeek from = to.plusWeeks(-(config.figures().weeks() - 1));
    synchronized (pending) {
      pending.clear();
    }
    MaterializedFigures fresh = new MaterializedFigures(engine, org.model(), from, to);
    fresh.loadFacts(allFacts());
    fresh.recomputeAll(clock.instant());
    Map<FigureKey, Figure> after = fresh.all();
    FigureChanges changes =
        FigureChanges.between(
            figures == null ? Map.of() : figures.all(), after, new TreeSet<>(), started);
    store.replaceAll(
        after.values(), new FigureStore.State(org.version(), from, to, ENGINE, clock.instant()));
    figures = fresh;
    orgVersion = org.version();
    dataAsOf = facts.dataAsOf().orElse(null);
    lastRecompute = clock.instant();
    closedWindowsFor = to;
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.infof(
        "every figure recomputed (%s): %d figures, %d changed, %d removed, in %d ms",
        why, after.size(), changes.upserted().size(), changes.removed().size(), millis);
    return new RecomputeReport(
        after.size(), changes.upserted().size(), changes.removed().size(), millis);
  }

  /** Once a minute: a new week recomputes everything; a new day the last weeks. */
  private void tick() {
    try {
      MaterializedFigures current = figures;
      OrgSnapshot org = orgs.current();
      IsoWeek week = currentWeek(org);
      if (!week.equals(current.to())) {
        recomputeEverything("week " + week + " began");
        return;
      }
      Instant now = clock.instant();
      if (lastRecompute == null || Duration.between(lastRecompute, now).toHours() >= 24) {
        TreeSet<IsoWeek> closing = new TreeSet<>();
        for (int back = 0; back < CLOSING_WEEKS; back++) {
          closing.add(week.plusWeeks(-back));
        }
        persist(current.recomputeWeeks(closing, now));
        lastRecompute = now;
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "scheduled figure recomputation failed");
    }
  }

  private void persist(FigureChanges changes) {
    if (changes.isEmpty()) {
      return;
    }
    MaterializedFigures current = figures;
    store.write(
        changes.upserted(),
        changes.removed(),
        new FigureStore.State(orgVersion, current.from(), current.to(), ENGINE, clock.instant()));
  }

  private List<FoldedFact> allFacts() {
    List<FoldedFact> all = new ArrayList<>();
    for (FactKind kind : FactKind.values()) {
      all.addAll(facts.all(kind));
    }
    return all;
  }

  private IsoWeek currentWeek(OrgSnapshot org) {
    return IsoWeek.of(clock.instant(), org.model().org().timeZone());
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
