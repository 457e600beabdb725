package io.podometer.web.privacy;

import io.podometer.web.config.PodometerConfig;
import io.podometer.web.figures.FigureService;
import io.podometer.web.store.FactEntity;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Daily retention: personal facts (and their raw events) that saw no event for the personal-facts
 * period are deleted, then the figures recomputed; raw events older than their period are deleted
 * once their fact has seen no event for that long either (a later event re-folds a fact from its
 * raw events, so a live fact keeps them).
 */
@ApplicationScoped
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class);

  @Inject PodometerConfig config;
  @Inject FigureService figures;
  @Inject Clock clock;
  @Inject jakarta.persistence.EntityManager entityManager;

  private ScheduledExecutorService timer;

  /** What one run deleted. */
  public record Outcome(long personalFacts, long rawEvents) {}

  public void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "podometer-retention");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::runLogged, 5, 24 * 60, TimeUnit.MINUTES);
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void runLogged() {
    try {
      Outcome outcome = run();
      if (outcome.personalFacts() > 0) {
        figures.recomputeAll();
      }
    } catch (RuntimeException e) {
      LOG.error("retention run failed; it is tried again tomorrow", e);
    }
  }

  /** Deletes the raw events meeting {@code condition} whose fact saw no event since {@code cut}. */
  private jakarta.persistence.Query rawEventsOfFactsIdleSince(Instant cut, String condition) {
    return entityManager
        .createQuery(
            "delete from RawEventEntity r where "
                + condition
                + " and exists (select 1 from FactEntity f where f.kind = r.factKind"
                + " and f.factKey = r.factKey and f.lastOccurredAt < :cut)")
        .setParameter("cut", cut);
  }

  /** Deletes what is past its retention period now. */
  @Transactional
  public Outcome run() {
    Instant now = clock.instant();
    Instant personalCut = now.minus(config.retention().personalFacts());
    long rawOfPersonal =
        rawEventsOfFactsIdleSince(personalCut, "r.factKind in :kinds")
            .setParameter("kinds", PersonalFacts.STORED)
            .executeUpdate();
    long personal =
        FactEntity.delete("kind in ?1 and lastOccurredAt < ?2", PersonalFacts.STORED, personalCut);
    Instant rawCut = now.minus(config.retention().rawEvents());
    long raw = rawEventsOfFactsIdleSince(rawCut, "r.occurredAt < :cut").executeUpdate();
    if (personal + raw + rawOfPersonal > 0) {
      LOG.infof(
          "retention: %d personal facts and %d raw events deleted", personal, raw + rawOfPersonal);
    }
    return new Outcome(personal, raw + rawOfPersonal);
  }
}
