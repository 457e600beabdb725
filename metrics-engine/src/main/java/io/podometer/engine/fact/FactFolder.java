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
 * payload) — but for the fields that add up ({@link io.podometer.engine.event.SummedField}, an
 * agent's usage arriving in pieces), which are the sum over the distinct event ids of each id's
 * latest value. The result depends only on the set of events, never on their order. The caller
 * groups events by {@link FactKey#of}. Thread-safe.
 */
public final class FactFolder {

  public FoldedFact fold(FactKey key, Collection<CanonicalEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a fact needs at least one event: " + key);
    }
    List<io.podometer.engine.event.SummedField> summed = SummedFields.of(events);
    if (events.size() == 1 && summed.isEmpty()) {
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
    if (!summed.isEmpty()) {
      SummedFields.addUp(fields, ordered, summed);
    }
    return new FoldedFact(key, fields, List.copyOf(ids), last);
  }

  /**
   * The fields of a fact, folded from events whose newest occurred at {@code newest}, with {@code
   * later} events applied on top — the same fields as folding every event again, without reading
   * the earlier ones. Holds only when every one of {@code later} occurred strictly after {@code
   * newest} (see {@link #allLater}) and, for a fact with fields that add up, when none of {@code
   * later} is a revision of an event already folded (see {@link #addsUp}: a revision replaces its
   * id's contribution, which only a refold can take out) nor a whole day's report (see {@link
   * #replacesParts}); {@code fields} is not modified.
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
    List<io.podometer.engine.event.SummedField> summed = SummedFields.of(ordered);
    ObjectNode sums = summed.isEmpty() ? null : folded.deepCopy();
    for (CanonicalEvent event : ordered) {
      folded.setAll(FactAssignments.of(event));
    }
    if (sums != null) {
      SummedFields.addOnto(sums, ordered, summed);
      summed.forEach(field -> restore(folded, sums, field.name()));
      folded.set(SummedFields.PERIOD, sums.get(SummedFields.PERIOD));
    }
    return folded;
  }

  private static void restore(ObjectNode folded, ObjectNode sums, String name) {
    if (sums.has(name)) {
      folded.set(name, sums.get(name));
    } else {
      folded.remove(name);
    }
  }

  /** Whether facts of these events have fields that add up (a revision then needs a refold). */
  public static boolean addsUp(Collection<CanonicalEvent> events) {
    return !SummedFields.of(events).isEmpty();
  }

  /**
   * Whether these events, arriving on a stored fact, need it refolded even when they are later: a
   * whole day's report replaces the parts summed so far, which only a refold takes out.
   */
  public static boolean replacesParts(Collection<CanonicalEvent> events) {
    return addsUp(events) && events.stream().anyMatch(SummedFields::reportsTheDay);
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
