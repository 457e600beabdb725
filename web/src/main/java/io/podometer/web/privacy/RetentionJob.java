package io.podometer.web.privacy;

import io.podometer.engine.event.FactKind;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.figures.FigureService;
import io.podometer.web.ingest.EventStore;
import io.podometer.web.store.EventRefs;
import io.podometer.web.store.FactEntity;
import io.podometer.web.store.KeyLists;
import io.podometer.web.store.RawEventEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Daily retention: personal facts (and their raw events) that saw no event for the personal-facts
 * period are deleted, then the figures recomputed; raw events older than their period are deleted
 * once their fact has seen no event for that long either (a later event re-folds a fact from its
 * raw events, so a live fact keeps them); payloads kept as sources delivered them are deleted once
 * older than theirs.
 */
@ApplicationScoped
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class);

  @Inject PodometerConfig config;
  @Inject FigureService figures;
  @Inject Clock clock;
  @Inject EventStore store;

  private ScheduledExecutorService timer;

  @Inject io.podometer.web.source.RawPayloadStore payloads;

  /** What one run deleted. */
  public record Outcome(long personalFacts, long rawEvents, long rawPayloads) {}

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
      runNow();
    } catch (RuntimeException e) {
      LOG.error("retention run failed; it is tried again tomorrow", e);
    }
  }

  /**
   * One run as the schedule makes it. The facts whose raw events may go are picked first, with
   * ingestion going on. Personal facts past their period are deleted with ingestion held back (the
   * index of fact keys is read again afterwards, and the figures recomputed); the raw events of the
   * facts picked are deleted a few hundred facts at a time, ingestion going on between them. Each
   * step commits on its own: the first run over years of history must not outlast a transaction.
   */
  public Outcome runNow() {
    Instant now = clock.instant();
    long started = System.nanoTime();
    List<Long> holding = factsHoldingPayloads(rawCut(now));
    long picked = System.nanoTime();
    long[] personal = store.exclusively(() -> deletePersonalFacts(now), deleted -> deleted[0] > 0);
    long raw = personal[1];
    Instant rawCut = rawCut(now);
    // a fact idle that long keeps its fields and refs (a re-sent event is still a duplicate);
    // only the payloads behind it go. One that saw an event since it was picked is left alone.
    for (List<Long> chunk : KeyLists.chunks(holding)) {
      raw +=
          store.exclusively(
              () -> QuarkusTransaction.requiringNew().call(() -> stripPayloads(chunk, rawCut)),
              stripped -> false);
    }
    // kept source payloads only serve a remap: they go by age alone
    long rawPayloads = payloads.deleteReceivedBefore(now.minus(config.retention().rawPayloads()));
    Outcome outcome = new Outcome(personal[0], raw, rawPayloads);
    LOG.infof(
        "retention: %d personal facts, %d raw events and %d source payloads deleted in %d ms"
            + " (%d facts still holding raw events past their period picked in %d ms)",
        outcome.personalFacts(),
        outcome.rawEvents(),
        outcome.rawPayloads(),
        (System.nanoTime() - started) / 1_000_000,
        holding.size(),
        (picked - started) / 1_000_000);
    if (outcome.personalFacts() > 0) {
      figures.reloadFromStore("retention");
    }
    return outcome;
  }

  /**
   * Deletes the personal facts idle past their period and their raw events, a few hundred at a
   * time, each in a transaction of its own; returns how many facts and raw events.
   */
  private long[] deletePersonalFacts(Instant now) {
    Instant cut = now.minus(config.retention().personalFacts());
    List<Long> idle =
        QuarkusTransaction.requiringNew().call(() -> idleBefore(PersonalFacts.STORED, cut));
    long[] deleted = new long[2];
    for (List<Long> chunk : KeyLists.chunks(idle)) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                List<Long> seqs = new ArrayList<>();
                for (Object[] row : idsAndRefs(chunk)) {
                  addSeqs(seqs, (byte[]) row[1]);
                }
                deleted[1] += deletePayloads(seqs);
                deleted[0] += FactEntity.delete("id in ?1", chunk);
              });
    }
    return deleted;
  }

  /**
   * Deletes the raw events of these facts that are still idle since before {@code cut}. The deletes
   * run once per chunk, before any fact is changed: a delete query run with facts changed in the
   * session first checks every fact loaded for changes, and one per fact made a chunk cost the
   * square of its size.
   */
  private static long stripPayloads(List<Long> facts, Instant cut) {
    List<FactEntity> idle = FactEntity.list("id in ?1 and lastOccurredAt < ?2", facts, cut);
    List<Long> seqs = new ArrayList<>();
    Map<FactEntity, EventRefs> holding = new IdentityHashMap<>();
    for (FactEntity fact : idle) {
      EventRefs refs = EventRefs.of(fact.events);
      long[] own = refs.seqs();
      if (own.length > 0) {
        holding.put(fact, refs);
        for (long seq : own) {
          seqs.add(seq);
        }
      }
    }
    if (seqs.isEmpty()) {
      return 0;
    }
    long deleted = deletePayloads(seqs);
    holding.forEach((fact, refs) -> fact.events = refs.withoutPayloads().toBytes());
    return deleted;
  }

  private static List<Object[]> idsAndRefs(List<Long> facts) {
    return FactEntity.getEntityManager()
        .createQuery("select f.id, f.events from FactEntity f where f.id in ?1", Object[].class)
        .setParameter(1, facts)
        .getResultList();
  }

  private static void addSeqs(List<Long> into, byte[] refs) {
    for (long seq : EventRefs.of(refs).seqs()) {
      into.add(seq);
    }
  }

  private Instant rawCut(Instant now) {
    return now.minus(config.retention().rawEvents());
  }

  /**
   * The facts idle since before {@code cut} that still hold raw events (by id), read with their
   * refs alone and streamed. After the first run most facts that old hold none: reading them all
   * under the store's lock each day would hold ingestion back for as long as years of history take
   * to read.
   */
  @Transactional
  public List<Long> factsHoldingPayloads(Instant cut) {
    List<Long> holding = new ArrayList<>();
    for (FactKind kind : FactKind.values()) {
      try (java.util.stream.Stream<Object[]> idle =
          FactEntity.getEntityManager()
              .createQuery(
                  "select f.id, f.events from FactEntity f"
                      + " where f.kind = ?1 and f.lastOccurredAt < ?2",
                  Object[].class)
              .setParameter(1, kind.name())
              .setParameter(2, cut)
              .setHint(org.hibernate.jpa.HibernateHints.HINT_FETCH_SIZE, 1_000)
              .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
              .getResultStream()) {
        idle.forEach(
            row -> {
              if (EventRefs.of((byte[]) row[1]).seqs().length > 0) {
                holding.add((Long) row[0]);
              }
            });
      }
    }
    return holding;
  }

  /**
   * The ids of the facts of these kinds that saw no event since {@code cut}, one kind at a time:
   * each query is a range of the (kind, last event) index, where one over every kind would read the
   * whole fact table (half a minute for a year of a large organization, ingestion held back
   * meanwhile).
   */
  private static List<Long> idleBefore(Set<String> kinds, Instant cut) {
    List<Long> idle = new ArrayList<>();
    for (String kind : kinds) {
      idle.addAll(
          FactEntity.getEntityManager()
              .createQuery(
                  "select f.id from FactEntity f where f.kind = ?1 and f.lastOccurredAt < ?2",
                  Long.class)
              .setParameter(1, kind)
              .setParameter(2, cut)
              .getResultList());
    }
    return idle;
  }

  private static long deletePayloads(List<Long> seqs) {
    long deleted = 0;
    for (List<Long> chunk : KeyLists.chunks(seqs)) {
      deleted += RawEventEntity.delete("seq in ?1", chunk);
    }
    return deleted;
  }
}
