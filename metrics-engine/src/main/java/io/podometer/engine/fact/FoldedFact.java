package io.podometer.engine.fact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.EventCodec;
import java.time.Instant;
import java.util.List;

/**
 * A fact as folded from all the events (and revisions) with its key: its fields, the ids of the
 * events behind it (sorted, distinct) and the newest {@code occurredAt} among them.
 */
public record FoldedFact(
    FactKey key, ObjectNode fields, List<String> eventIds, Instant lastOccurredAt) {

  public FoldedFact {
    eventIds = List.copyOf(eventIds);
  }

  private static final ClassValue<com.fasterxml.jackson.databind.ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected com.fasterxml.jackson.databind.ObjectReader computeValue(Class<?> type) {
          return EventCodec.mapper().readerFor(type);
        }
      };

  /** The fields as a typed fact record, e.g. {@link PullRequestFact}. */
  public <T> T as(Class<T> type) {
    try {
      return READERS.get(type).readValue(fields);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "fact " + key + " does not read as " + type.getSimpleName(), e);
    }
  }
}
