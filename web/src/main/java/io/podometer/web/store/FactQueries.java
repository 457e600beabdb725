package io.podometer.web.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.fact.FactKey;
import io.podometer.engine.fact.FactKind;
import io.podometer.engine.fact.FoldedFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads stored facts back as engine values. */
@ApplicationScoped
public class FactQueries {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  @Transactional
  public Optional<FoldedFact> find(FactKey key) {
    return FactEntity.<FactEntity>find("kind = ?1 and factKey = ?2", key.kind().name(), key.key())
        .firstResultOptional()
        .map(FactQueries::toFolded);
  }

  /** The stored facts of some keys (those not stored are left out). */
  @Transactional
  public List<FoldedFact> find(java.util.Collection<FactKey> keys) {
    java.util.Map<FactKind, List<String>> byKind = new java.util.EnumMap<>(FactKind.class);
    keys.forEach(
        k -> byKind.computeIfAbsent(k.kind(), x -> new java.util.ArrayList<>()).add(k.key()));
    List<FoldedFact> found = new java.util.ArrayList<>();
    byKind.forEach(
        (kind, kindKeys) -> {
          for (int from = 0; from < kindKeys.size(); from += 500) {
            List<String> chunk = kindKeys.subList(from, Math.min(kindKeys.size(), from + 500));
            FactEntity.<FactEntity>find("kind = ?1 and factKey in ?2", kind.name(), chunk).stream()
                .map(FactQueries::toFolded)
                .forEach(found::add);
          }
        });
    return found;
  }

  /** Facts of a kind, optionally of one repository, newest first, at most {@code limit}. */
  @Transactional
  public List<FoldedFact> list(FactKind kind, String repo, int limit) {
    var query =
        repo == null
            ? FactEntity.<FactEntity>find(
                "kind = ?1 order by lastOccurredAt desc, factKey", kind.name())
            : FactEntity.<FactEntity>find(
                "kind = ?1 and repo = ?2 order by lastOccurredAt desc, factKey", kind.name(), repo);
    return query.page(0, limit).list().stream().map(FactQueries::toFolded).toList();
  }

  /** Every fact of a kind (for computations over the whole organization). */
  @Transactional
  public List<FoldedFact> all(FactKind kind) {
    return FactEntity.<FactEntity>find("kind", kind.name()).stream()
        .map(FactQueries::toFolded)
        .toList();
  }

  /** The newest {@code occurredAt} of any stored event: "data as of". */
  @Transactional
  public Optional<Instant> dataAsOf() {
    return Optional.ofNullable(
        FactEntity.getEntityManager()
            .createQuery("select max(f.lastOccurredAt) from FactEntity f", Instant.class)
            .getSingleResult());
  }

  /** The sequence number of the newest stored event (0 when none): changes with every insert. */
  @Transactional
  public long latestEventSeq() {
    Long seq =
        RawEventEntity.getEntityManager()
            .createQuery("select max(r.seq) from RawEventEntity r", Long.class)
            .getSingleResult();
    return seq == null ? 0 : seq;
  }

  @Transactional
  public long rawEventCount() {
    return RawEventEntity.count();
  }

  static FoldedFact toFolded(FactEntity entity) {
    try {
      return new FoldedFact(
          new FactKey(FactKind.valueOf(entity.kind), entity.factKey),
          (ObjectNode) EventCodec.mapper().readTree(entity.fields),
          EventCodec.mapper().readValue(entity.eventIds, STRINGS),
          entity.lastOccurredAt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored fact " + entity.factKey + " is not JSON", e);
    }
  }
}
