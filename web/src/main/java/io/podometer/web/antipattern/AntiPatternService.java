package io.podometer.web.antipattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.engine.detect.AntiPatternDetectors;
import io.podometer.engine.detect.DetectionContext;
import io.podometer.engine.detect.Detections;
import io.podometer.engine.detect.Flag;
import io.podometer.engine.detect.FlagEvidence;
import io.podometer.engine.detect.NotEvaluated;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.figures.FigureService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the anti-pattern detectors as the step after the figures: each time a new snapshot of
 * figures is published, the detectors judge its weeks, and the stored flags follow — a new flag is
 * raised, a changed one updated (its severity's changes kept as history), one that no longer fires
 * cleared (kept, with its acknowledgement). Detectors read only figures, so the run costs lookups,
 * not a recomputation; it happens on its own thread and never holds up the figures.
 */
@ApplicationScoped
public class AntiPatternService {

  private static final Logger LOG = Logger.getLogger(AntiPatternService.class);

  /** How often a new snapshot of figures is looked for. */
  private static final long POLL_MILLIS = 1_000;

  static final int RULE_LENGTH = 4_000;

  /**
   * The longest look-back of a rule with the default thresholds: an 8-week baseline before a 4-week
   * window ({@code metrics_gaming}, {@code tool_bolt_on}).
   */
  static final int LOOK_BACK_WEEKS = 12;

  @Inject FigureService figures;
  @Inject ObjectMapper json;
  @Inject Clock clock;

  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "podometer-antipatterns");
            thread.setDaemon(true);
            return thread;
          });

  /** How long a run that failed waits before it is tried again on the same figures. */
  private static final long RETRY_NANOS = java.time.Duration.ofMinutes(1).toNanos();

  /** How long figures rest unchanged before they are judged. */
  private static final long QUIET_NANOS = java.time.Duration.ofSeconds(2).toNanos();

  /** The longest changing figures go unjudged. */
  private static final long AT_MOST_NANOS = java.time.Duration.ofSeconds(30).toNanos();

  // owned by the worker thread
  private FigureSnapshot lastSeen;
  private long lastSeenAt;
  private boolean waiting;
  private long waitingSince;
  private FigureSnapshot judged;
  private FigureSnapshot failed;
  private long retryAt;

  private volatile Judgement latest;

  /**
   * The last run: the weeks judged, when, on figures as of when, and where detectors lacked data.
   */
  public record Judgement(
      IsoWeek from,
      IsoWeek to,
      Instant detectedAt,
      Instant figuresAsOf,
      long millis,
      int flags,
      List<NotEvaluated> notEvaluated) {}

  /** Starts following the figures (once they are first computed). */
  public void start() {
    worker.scheduleWithFixedDelay(() -> poll(false), 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The last run's outcome, or null before the first. */
  public Judgement latest() {
    return latest;
  }

  /**
   * Judges the figures served now, on the detectors' thread, unless they were judged already; false
   * when they are not computed yet, when judging them failed, or past the timeout.
   */
  public boolean awaitJudged(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      Boolean judgedNow;
      try {
        judgedNow =
            worker
                .submit(
                    () -> {
                      poll(true);
                      FigureSnapshot now = figures.figures();
                      // null: the figures moved on while these were judged, judge those too
                      return now == null || now == failed
                          ? Boolean.FALSE
                          : now == judged ? Boolean.TRUE : null;
                    })
                .get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } catch (java.util.concurrent.TimeoutException e) {
        return false;
      }
      if (judgedNow != null) {
        return judgedNow;
      }
    }
  }

  /**
   * Judges the figures served now if they were not judged yet. Unless {@code now}, figures that
   * keep changing (events arriving one after another, a bulk load) are judged once they rest for
   * {@link #QUIET_NANOS}, or every {@link #AT_MOST_NANOS} meanwhile: a run over every pod and week
   * takes a core for most of a second, which the figures' own updates need then.
   */
  private void poll(boolean now) {
    FigureSnapshot snapshot = figures.figures();
    if (snapshot == null
        || snapshot == judged
        || (snapshot == failed && System.nanoTime() < retryAt)) {
      return;
    }
    if (snapshot.holdsTheSameFiguresAs(judged)) {
      // e.g. a recomputation that changed nothing: the detectors read figures alone
      judged = snapshot;
      return;
    }
    long at = System.nanoTime();
    if (snapshot != lastSeen) {
      lastSeen = snapshot;
      lastSeenAt = at;
      if (!waiting) {
        waiting = true;
        waitingSince = at;
      }
    }
    if (!now && at - lastSeenAt < QUIET_NANOS && at - waitingSince < AT_MOST_NANOS) {
      return;
    }
    waiting = false;
    try {
      judge(snapshot);
      judged = snapshot;
      failed = null;
    } catch (RuntimeException e) {
      // a minute on, or with the next figures: the stored flags are as the last good run left them
      LOG.errorf(e, "anti-pattern flags not updated");
      failed = snapshot;
      retryAt = System.nanoTime() + RETRY_NANOS;
    }
  }

  private void judge(FigureSnapshot snapshot) {
    long started = System.nanoTime();
    Instant asOf = figures.dataAsOf().orElse(null);
    // the first weeks held lack the weeks before them that rules look back on: they are not
    // judged (their stored flags stay as they were, neither raised nor cleared)
    IsoWeek from = snapshot.from().plusWeeks(LOOK_BACK_WEEKS);
    if (from.compareTo(snapshot.to()) > 0) {
      from = snapshot.to();
    }
    IsoWeek first = from;
    Detections found =
        AntiPatternDetectors.run(
            new DetectionContext(
                snapshot.org(),
                key -> snapshot.figure(key.metric(), key.scope(), key.week()),
                first,
                snapshot.to()));
    Instant now = clock.instant();
    QuarkusTransaction.requiringNew().run(() -> store(found.flags(), first, snapshot.to(), now));
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.debugf(
        "anti-patterns judged from %s to %s in %d ms: %d flags",
        first, snapshot.to(), millis, found.flags().size());
    latest =
        new Judgement(
            first, snapshot.to(), now, asOf, millis, found.flags().size(), found.notEvaluated());
  }

  /** Brings the stored flags of the weeks judged in line with what the detectors found. */
  private void store(List<Flag> found, IsoWeek from, IsoWeek to, Instant now) {
    Map<String, FlagEntity> stored = new HashMap<>();
    for (FlagEntity entity :
        FlagEntity.<FlagEntity>list("week >= ?1 and week <= ?2", from.toString(), to.toString())) {
      stored.put(key(entity.detector, entity.scope, entity.week), entity);
    }
    List<FlagChangeEntity> changes = new ArrayList<>();
    for (Flag flag : found) {
      FlagEntity entity =
          stored.remove(key(flag.detector(), flag.scope().toString(), flag.week().toString()));
      String severity = flag.severity().name().toLowerCase(java.util.Locale.ROOT);
      String rule = clip(flag.rule(), RULE_LENGTH);
      String thresholds = write(new java.util.TreeMap<>(flag.thresholds()));
      String evidence = write(evidence(flag.evidence()));
      String action = clip(flag.suggestedAction(), 2_000);
      if (entity == null) {
        entity = new FlagEntity();
        entity.detector = flag.detector();
        entity.scope = flag.scope().toString();
        entity.week = flag.week().toString();
        entity.raisedAt = now;
        fill(entity, severity, rule, thresholds, evidence, action, now);
        entity.persist();
        changes.add(FlagChangeEntity.of(entity.id, now, FlagChangeEntity.RAISED, severity));
        continue;
      }
      if (entity.clearedAt != null) {
        entity.clearedAt = null;
        changes.add(FlagChangeEntity.of(entity.id, now, FlagChangeEntity.RAISED_AGAIN, severity));
      } else if (!entity.severity.equals(severity)) {
        changes.add(FlagChangeEntity.of(entity.id, now, FlagChangeEntity.SEVERITY, severity));
      }
      if (!entity.severity.equals(severity)
          || !entity.rule.equals(rule)
          || !entity.thresholds.equals(thresholds)
          || !entity.evidence.equals(evidence)
          || !entity.suggestedAction.equals(action)) {
        fill(entity, severity, rule, thresholds, evidence, action, now);
      }
    }
    for (FlagEntity gone : stored.values()) {
      if (gone.clearedAt == null) {
        gone.clearedAt = now;
        gone.updatedAt = now;
        changes.add(FlagChangeEntity.of(gone.id, now, FlagChangeEntity.CLEARED, gone.severity));
      }
    }
    changes.forEach(change -> change.persist());
  }

  private static void fill(
      FlagEntity entity,
      String severity,
      String rule,
      String thresholds,
      String evidence,
      String action,
      Instant now) {
    entity.severity = severity;
    entity.rule = rule;
    entity.thresholds = thresholds;
    entity.evidence = evidence;
    entity.suggestedAction = action;
    entity.updatedAt = now;
  }

  private static List<Map<String, Object>> evidence(List<FlagEvidence> evidence) {
    List<Map<String, Object>> written = new ArrayList<>();
    for (FlagEvidence item : evidence) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("metric", item.metric().id());
      entry.put("scope", item.scope().toString());
      entry.put("week", item.week().toString());
      entry.put("value", item.value());
      written.add(entry);
    }
    return written;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("flag not written as JSON", e);
    }
  }

  private static String key(String detector, String scope, String week) {
    return detector + '\u0000' + scope + '\u0000' + week;
  }

  private static String clip(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
