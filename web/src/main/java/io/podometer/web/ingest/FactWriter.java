package io.podometer.web.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.fact.FactFolder;
import io.podometer.engine.fact.FactKey;
import io.podometer.engine.fact.FactKind;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.web.store.FactEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-folds facts from every stored event with their key, so a fact is always a function of the set
 * of its events, whatever order they came in. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class FactWriter {

  @Inject EntityManager entityManager;

  private final EventCodec codec = new EventCodec();
  private final FactFolder folder = new FactFolder();

  void refold(Collection<FactKey> keys, Instant now) {
    Map<FactKind, List<String>> byKind = new LinkedHashMap<>();
    for (FactKey key : keys) {
      byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(key.key());
    }
    byKind.forEach(
        (kind, kindKeys) -> EventStore.chunks(kindKeys).forEach(chunk -> refold(kind, chunk, now)));
  }

  private void refold(FactKind kind, List<String> keys, Instant now) {
    Map<String, List<CanonicalEvent>> events = new HashMap<>();
    List<Object[]> rows =
        entityManager
            .createQuery(
                "select r.factKey, r.payload from RawEventEntity r"
                    + " where r.factKind = :kind and r.factKey in :keys",
                Object[].class)
            .setParameter("kind", kind.name())
            .setParameter("keys", keys)
            .getResultList();
    for (Object[] row : rows) {
      events
          .computeIfAbsent((String) row[0], k -> new ArrayList<>())
          .add(codec.readStored((String) row[1]));
    }
    Map<String, FactEntity> existing = new HashMap<>();
    entityManager
        .createQuery(
            "from FactEntity f where f.kind = :kind and f.factKey in :keys", FactEntity.class)
        .setParameter("kind", kind.name())
        .setParameter("keys", keys)
        .getResultList()
        .forEach(fact -> existing.put(fact.factKey, fact));
    for (String key : keys) {
      FoldedFact folded = folder.fold(new FactKey(kind, key), events.get(key));
      FactEntity entity = existing.get(key);
      boolean isNew = entity == null;
      if (isNew) {
        entity = new FactEntity();
        entity.kind = kind.name();
        entity.factKey = key;
      }
      entity.repo = folded.fields().path("repo").asText(null);
      entity.fields = folded.fields().toString();
      entity.eventIds = json(folded.eventIds());
      entity.lastOccurredAt = folded.lastOccurredAt();
      entity.updatedAt = now;
      if (isNew) {
        entityManager.persist(entity);
      }
    }
  }

  private static String json(List<String> ids) {
    try {
      return EventCodec.mapper().writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serializes", e);
    }
  }
}
