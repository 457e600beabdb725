package io.podometer.engine.fact;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.FactKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Folds the events of one natural key into a fact, field by field: where several events set a
 * field, the one with the latest {@code occurredAt} wins (ties: the lexically greater canonical
 * payload). The result depends only on the set of events, never on their order. The caller groups
 * events by {@link FactKey#of}. Thread-safe.
 */
public final class FactFolder {

  public FoldedFact fold(FactKey key, Collection<CanonicalEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a fact needs at least one event: " + key);
    }
    if (events.size() == 1) {
      CanonicalEvent only = events.iterator().next();
      return new FoldedFact(key, FactAssignments.of(only), List.of(only.id()), only.occurredAt());
    }
    List<CanonicalEvent> ordered = new ArrayList<>(events);
    if (ordered.size() > 1) {
      ordered.sort(CanonicalEvent::applicationOrder);
    }
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    TreeSet<String> ids = new TreeSet<>();
    Instant last = Instant.MIN;
    for (CanonicalEvent event : ordered) {
      fields.setAll(FactAssignments.of(event));
      ids.add(event.id());
      last = event.occurredAt().isAfter(last) ? event.occurredAt() : last;
    }
    return new FoldedFact(key, fields, List.copyOf(ids), last);
  }

  /**
   * The fields of a fact, folded from events whose newest occurred at {@code newest}, with {@code
   * later} events applied on top — the same fields as folding every event again, without reading
   * the earlier ones. Holds only when every one of {@code later} occurred strictly after {@code
   * newest} (see {@link #allLater}); {@code fields} is not modified.
   *
   * @throws IllegalArgumentException when an event is not later
   */
  public ObjectNode applyLater(
      ObjectNode fields, Instant newest, Collection<CanonicalEvent> later) {
    if (!allLater(newest, later)) {
      throw new IllegalArgumentException("an event is not later than " + newest + ": refold");
    }
    List<CanonicalEvent> ordered = new ArrayList<>(later);
    ordered.sort(CanonicalEvent::applicationOrder);
    ObjectNode folded = fields.deepCopy();
    for (CanonicalEvent event : ordered) {
      folded.setAll(FactAssignments.of(event));
    }
    return folded;
  }

  /** Whether every event occurred strictly after {@code newest}: they then apply last, in order. */
  public static boolean allLater(Instant newest, Collection<CanonicalEvent> events) {
    for (CanonicalEvent event : events) {
      if (!event.occurredAt().isAfter(newest)) {
        return false;
      }
    }
    return true;
  }
}
