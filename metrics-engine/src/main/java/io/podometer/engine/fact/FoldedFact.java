package io.podometer.engine.fact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.FactKey;
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

  private static final com.fasterxml.jackson.databind.ObjectMapper FACT_MAPPER =
      EventCodec.mapper()
          .copy()
          .registerModule(
              new com.fasterxml.jackson.databind.module.SimpleModule("podometer-shared-values")
                  .addDeserializer(String.class, new SharedStringDeserializer())
                  .addDeserializer(Integer.class, new SharedValueDeserializers.Counts())
                  .addDeserializer(Double.class, new SharedValueDeserializers.Amounts())
                  .setDeserializerModifier(new SharedValueDeserializers()));

  private static final ClassValue<com.fasterxml.jackson.databind.ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected com.fasterxml.jackson.databind.ObjectReader computeValue(Class<?> type) {
          return FACT_MAPPER.readerFor(type);
        }
      };

  /** The fields as a typed fact record, e.g. {@link PullRequestFact}. */
  public <T> T as(Class<T> type) {
    return as(type, READERS.get(type));
  }

  /** A reader of typed facts whose strings are shared through {@code strings}. */
  public static com.fasterxml.jackson.databind.ObjectReader reader(
      Class<?> type, StringPool strings) {
    return READERS.get(type).withAttribute(StringPool.ATTRIBUTE, strings);
  }

  /** The fields as a typed fact record, read with a {@link #reader} of that type. */
  public <T> T as(Class<T> type, com.fasterxml.jackson.databind.ObjectReader reader) {
    try {
      return reader.readValue(fields);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "fact " + key + " does not read as " + type.getSimpleName(), e);
    }
  }
}
