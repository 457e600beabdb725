package io.podometer.engine.live;

import io.podometer.engine.fact.FactKey;
import io.podometer.engine.fact.FactKind;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.fact.StringPool;
import io.podometer.engine.metric.FactSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The current version of every fact, typed, kept as events arrive: a new version replaces the old
 * one and both are handed back, so that the weeks either touched can be recomputed. Strings are
 * shared across facts ({@link StringPool}). Not thread-safe: its owner serializes changes.
 */
public final class LiveFacts {

  private final Map<FactKind, Map<String, Object>> byKind = new EnumMap<>(FactKind.class);
  private final StringPool strings = new StringPool();
  private final Map<FactKind, com.fasterxml.jackson.databind.ObjectReader> readers =
      new EnumMap<>(FactKind.class);
  private FactSet snapshot;

  /**
   * One fact's change: {@code before} null for a new fact, {@code after} null for a removed one.
   */
  public record Change(FactKey key, Object before, Object after) {}

  /**
   * Adds or replaces facts; returns what changed (a version equal to the stored one is no change).
   */
  public List<Change> put(Collection<FoldedFact> facts) {
    List<Change> changes = new ArrayList<>(facts.size());
    for (FoldedFact fact : facts) {
      Object typed = fact.as(FactSet.typeOf(fact.key().kind()), reader(fact.key().kind()));
      Object before =
          byKind
              .computeIfAbsent(fact.key().kind(), k -> new HashMap<>())
              .put(fact.key().key(), typed);
      if (!typed.equals(before)) {
        changes.add(new Change(fact.key(), before, typed));
      }
    }
    if (!changes.isEmpty()) {
      snapshot = null;
    }
    return changes;
  }

  /** Removes facts (a member's personal facts on erasure); returns what was removed. */
  public List<Change> remove(Collection<FactKey> keys) {
    List<Change> changes = new ArrayList<>();
    for (FactKey key : keys) {
      Map<String, Object> facts = byKind.get(key.kind());
      Object before = facts == null ? null : facts.remove(key.key());
      if (before != null) {
        changes.add(new Change(key, before, null));
      }
    }
    if (!changes.isEmpty()) {
      snapshot = null;
    }
    return changes;
  }

  /** The typed fact of a key, or null. */
  public Object get(FactKey key) {
    Map<String, Object> facts = byKind.get(key.kind());
    return facts == null ? null : facts.get(key.key());
  }

  public int size() {
    return byKind.values().stream().mapToInt(Map::size).sum();
  }

  /** Every current fact, as the engine reads them; the same instance until something changes. */
  public FactSet factSet() {
    if (snapshot == null) {
      Map<FactKind, List<Object>> lists = new EnumMap<>(FactKind.class);
      byKind.forEach((kind, facts) -> lists.put(kind, List.copyOf(facts.values())));
      snapshot = FactSet.ofTyped(lists);
    }
    return snapshot;
  }

  private com.fasterxml.jackson.databind.ObjectReader reader(FactKind kind) {
    return readers.computeIfAbsent(kind, k -> FoldedFact.reader(FactSet.typeOf(k), strings));
  }
}
