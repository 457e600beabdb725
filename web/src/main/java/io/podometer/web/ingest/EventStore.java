package io.podometer.web.ingest;

import io.podometer.connectors.bus.EventHandler;
import io.podometer.connectors.bus.IngestReceipt;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.fact.FactKey;
import io.podometer.web.store.RawEventEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores a batch of events and folds the facts they touch, in one transaction: when it returns, the
 * batch is durable; when it throws, nothing of it is stored.
 */
@ApplicationScoped
public class EventStore implements EventHandler {

  static final int CHUNK = 500;

  @Inject EntityManager entityManager;
  @Inject FactWriter factWriter;
  @Inject Clock clock;
  @Inject jakarta.enterprise.event.Event<io.podometer.web.figures.FactsChanged> factsChanged;

  @Override
  @Transactional
  public IngestReceipt handle(List<CanonicalEvent> events) {
    Map<String, Set<String>> knownHashes = knownHashes(events);
    Instant now = clock.instant();
    int accepted = 0;
    int duplicates = 0;
    int revisions = 0;
    Set<FactKey> touched = new LinkedHashSet<>();
    for (CanonicalEvent event : events) {
      String hash = event.payloadHash();
      Set<String> hashes = knownHashes.computeIfAbsent(event.id(), id -> new HashSet<>());
      if (hashes.contains(hash)) {
        duplicates++;
        continue;
      }
      if (!hashes.isEmpty()) {
        revisions++;
      }
      hashes.add(hash);
      accepted++;
      FactKey key = FactKey.of(event);
      entityManager.persist(toEntity(event, hash, key, now));
      touched.add(key);
    }
    entityManager.flush();
    factWriter.refold(touched, now);
    if (!touched.isEmpty()) {
      // observed once the transaction has committed: figures never read uncommitted facts
      factsChanged.fire(new io.podometer.web.figures.FactsChanged(touched));
    }
    return new IngestReceipt(accepted, duplicates, revisions);
  }

  private Map<String, Set<String>> knownHashes(List<CanonicalEvent> events) {
    List<String> ids = events.stream().map(CanonicalEvent::id).distinct().toList();
    Map<String, Set<String>> known = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      List<Object[]> rows =
          entityManager
              .createQuery(
                  "select r.eventId, r.payloadHash from RawEventEntity r where r.eventId in :ids",
                  Object[].class)
              .setParameter("ids", chunk)
              .getResultList();
      for (Object[] row : rows) {
        known.computeIfAbsent((String) row[0], id -> new HashSet<>()).add((String) row[1]);
      }
    }
    return known;
  }

  private static RawEventEntity toEntity(
      CanonicalEvent event, String hash, FactKey key, Instant now) {
    RawEventEntity entity = new RawEventEntity();
    entity.eventId = event.id();
    entity.payloadHash = hash;
    entity.eventType = event.type().wireName();
    entity.source = event.source();
    entity.occurredAt = event.occurredAt();
    entity.repo = event.repo();
    entity.factKind = key.kind().name();
    entity.factKey = key.key();
    entity.payload = event.canonicalJson();
    entity.receivedAt = now;
    return entity;
  }

  static <T> List<List<T>> chunks(List<T> items) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += CHUNK) {
      chunks.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
    }
    return chunks;
  }
}
