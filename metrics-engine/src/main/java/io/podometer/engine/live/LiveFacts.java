package io.podometer.engine.live;

import com.fasterxml.jackson.databind.ObjectReader;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.fact.FactKeyHash;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.fact.StringPool;
import io.podometer.engine.metric.FactSet;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The current version of every fact, typed, kept as events arrive: a new version replaces the old
 * one and both are handed back, so that the weeks either touched can be recomputed. Facts are filed
 * under the 128-bit {@link FactKeyHash} of their key (the key strings of millions of facts would
 * take more memory than the facts); strings inside facts are shared ({@link StringPool}). Kinds no
 * metric reads ({@link AffectedWeeks#UNREAD}: CI runs are a third of a year's facts) are not kept.
 * Not thread-safe: its owner serializes changes.
 */
public final class LiveFacts {

  /** Changes a set's time index is patched with before it is built anew. */
  private static final int PATCHED = 10_000;

  private final Map<FactKind, Long2ObjectOpenHashMap<Slot>> byKind = new EnumMap<>(FactKind.class);
  private final StringPool strings = new StringPool();
  private final Map<FactKind, ObjectReader> readers = new EnumMap<>(FactKind.class);
  private FactSet snapshot;
  // each kind's facts as the last snapshot listed them, and the kinds changed since
  private final Map<FactKind, List<Object>> listed = new EnumMap<>(FactKind.class);
  private final Set<FactKind> changedKinds = java.util.EnumSet.noneOf(FactKind.class);
  // the set whose time index later sets patch, and the changes since it (identity sets)
  private FactSet base;
  private Set<Object> stale = identitySet();
  // the stale set is shared with a fact set handed out: copied before it changes again, since
  // that set is read on other threads (readers, a full recomputation) and must not change
  private boolean staleShared;
  private Set<Object> added = identitySet();

  /**
   * One fact's change: {@code before} null for a new fact, {@code after} null for a removed one.
   */
  public record Change(FactKey key, Object before, Object after) {}

  /** A fact under the first half of its key's hash; {@code next} when another key shares it. */
  private static final class Slot {
    final long second;
    Object fact;
    Slot next;

    Slot(long second, Object fact, Slot next) {
      this.second = second;
      this.fact = fact;
      this.next = next;
    }
  }

  /**
   * Adds or replaces facts; returns what changed (a version equal to the stored one is no change).
   */
  public List<Change> put(Collection<FoldedFact> facts) {
    List<Change> changes = new ArrayList<>(facts.size());
    for (FoldedFact fact : facts) {
      if (AffectedWeeks.UNREAD.contains(fact.key().kind())) {
        continue;
      }
      Object typed = fact.as(FactSet.typeOf(fact.key().kind()), reader(fact.key().kind()));
      put(fact.key(), typed, changes);
    }
    return changed(changes);
  }

  /**
   * Adds or replaces facts given as their stored JSON fields (the fields of a {@link FoldedFact});
   * returns what changed.
   */
  public List<Change> putJson(Map<FactKey, String> fields) {
    List<Change> changes = new ArrayList<>(fields.size());
    fields.forEach(
        (key, json) -> {
          if (AffectedWeeks.UNREAD.contains(key.kind())) {
            return;
          }
          Object typed;
          try {
            typed = reader(key.kind()).readValue(json);
          } catch (IOException e) {
            throw new IllegalStateException(
                "stored fact " + key + " does not read as " + FactSet.typeOf(key.kind()), e);
          }
          put(key, typed, changes);
        });
    return changed(changes);
  }

  /** Removes facts (a member's personal facts on erasure); returns what was removed. */
  public List<Change> remove(Collection<FactKey> keys) {
    List<Change> changes = new ArrayList<>();
    for (FactKey key : keys) {
      Long2ObjectOpenHashMap<Slot> facts = byKind.get(key.kind());
      if (facts == null) {
        continue;
      }
      long first = FactKeyHash.first(key);
      long second = FactKeyHash.second(key);
      Slot head = facts.get(first);
      Slot previous = null;
      for (Slot slot = head; slot != null; previous = slot, slot = slot.next) {
        if (slot.second == second) {
          if (previous == null) {
            if (slot.next == null) {
              facts.remove(first);
            } else {
              facts.put(first, slot.next);
            }
          } else {
            previous.next = slot.next;
          }
          changes.add(new Change(key, slot.fact, null));
          track(slot.fact, null);
          break;
        }
      }
    }
    return changed(changes);
  }

  /** The typed fact of a key, or null. */
  public Object get(FactKey key) {
    Long2ObjectOpenHashMap<Slot> facts = byKind.get(key.kind());
    if (facts == null) {
      return null;
    }
    long second = FactKeyHash.second(key);
    for (Slot slot = facts.get(FactKeyHash.first(key)); slot != null; slot = slot.next) {
      if (slot.second == second) {
        return slot.fact;
      }
    }
    return null;
  }

  /** Hands every current fact of a kind to {@code action}, in no particular order. */
  public void forEachOf(FactKind kind, Consumer<Object> action) {
    Long2ObjectOpenHashMap<Slot> facts = byKind.get(kind);
    if (facts == null) {
      return;
    }
    for (Slot head : facts.values()) {
      for (Slot slot = head; slot != null; slot = slot.next) {
        action.accept(slot.fact);
      }
    }
  }

  public int size() {
    int size = 0;
    for (Long2ObjectOpenHashMap<Slot> facts : byKind.values()) {
      for (Slot head : facts.values()) {
        for (Slot slot = head; slot != null; slot = slot.next) {
          size++;
        }
      }
    }
    return size;
  }

  /**
   * Every current fact, as the engine reads them; the same instance until something changes. After
   * a few changes the set's time index is the last one's patched; after many it is built anew.
   */
  public FactSet factSet() {
    if (snapshot == null) {
      // only the kinds that changed are listed again: a new deployment does not walk every commit
      byKind.forEach(
          (kind, facts) -> {
            if (changedKinds.contains(kind) || !listed.containsKey(kind)) {
              List<Object> list = new ArrayList<>(facts.size());
              for (Slot head : facts.values()) {
                for (Slot slot = head; slot != null; slot = slot.next) {
                  list.add(slot.fact);
                }
              }
              listed.put(kind, list);
            }
          });
      changedKinds.clear();
      Map<FactKind, List<Object>> lists = new EnumMap<>(listed);
      int total = lists.values().stream().mapToInt(List::size).sum();
      if (base == null || stale.size() + added.size() > Math.max(PATCHED, total / 50)) {
        base = FactSet.ofTyped(lists);
        stale = identitySet();
        staleShared = false;
        added = identitySet();
        snapshot = base;
      } else {
        Map<FactKind, List<Object>> addedByKind = new EnumMap<>(FactKind.class);
        for (Object fact : added) {
          addedByKind.computeIfAbsent(kindOf(fact), k -> new ArrayList<>()).add(fact);
        }
        snapshot = base.evolved(lists, stale, addedByKind);
        staleShared = true;
      }
    }
    return snapshot;
  }

  /** Changes since the base set, so that its time index can be patched. */
  private void track(Object before, Object after) {
    if (base == null) {
      return;
    }
    if (before != null && !added.remove(before)) {
      if (staleShared) {
        Set<Object> copy = identitySet();
        copy.addAll(stale);
        stale = copy;
        staleShared = false;
      }
      stale.add(before);
    }
    if (after != null) {
      added.add(after);
    }
  }

  private static FactKind kindOf(Object fact) {
    for (FactKind kind : FactKind.values()) {
      if (FactSet.typeOf(kind).isInstance(fact)) {
        return kind;
      }
    }
    throw new IllegalStateException("not a typed fact: " + fact.getClass());
  }

  private static Set<Object> identitySet() {
    return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  }

  private void put(FactKey key, Object typed, List<Change> changes) {
    Long2ObjectOpenHashMap<Slot> facts =
        byKind.computeIfAbsent(key.kind(), k -> new Long2ObjectOpenHashMap<>());
    long first = FactKeyHash.first(key);
    long second = FactKeyHash.second(key);
    Slot head = facts.get(first);
    for (Slot slot = head; slot != null; slot = slot.next) {
      if (slot.second == second) {
        Object before = slot.fact;
        if (!typed.equals(before)) {
          slot.fact = typed;
          changes.add(new Change(key, before, typed));
          track(before, typed);
        }
        return;
      }
    }
    facts.put(first, new Slot(second, typed, head));
    changes.add(new Change(key, null, typed));
    track(null, typed);
  }

  private List<Change> changed(List<Change> changes) {
    if (!changes.isEmpty()) {
      snapshot = null;
      for (Change change : changes) {
        changedKinds.add(change.key().kind());
      }
    }
    return changes;
  }

  private ObjectReader reader(FactKind kind) {
    return readers.computeIfAbsent(kind, k -> FoldedFact.reader(FactSet.typeOf(k), strings));
  }
}
