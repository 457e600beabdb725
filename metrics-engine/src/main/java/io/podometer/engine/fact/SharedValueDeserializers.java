package io.podometer.engine.fact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import io.podometer.engine.event.EventData;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Reads the small immutable values that facts repeat — the people of commits, the days of agent
 * usage, moments, counts, whole amounts — as one shared instance each: a year of a 1,000-engineer
 * organization reads close to a million people (a few thousand distinct), half a million days (a
 * few hundred) and two million moments (1.2 million distinct). People, days, moments and whole
 * amounts are shared through the {@link StringPool} given as a reader attribute (none: read as they
 * are); counts from 0 to {@value #HIGHEST_COUNT} through one table for every reader.
 */
final class SharedValueDeserializers extends BeanDeserializerModifier {

  private static final Set<Class<?>> POOLED =
      Set.of(EventData.Person.class, LocalDate.class, Instant.class);

  static final int HIGHEST_COUNT = 65_535;

  private static final Integer[] COUNTS = new Integer[HIGHEST_COUNT + 1];

  static {
    for (int i = 0; i <= HIGHEST_COUNT; i++) {
      COUNTS[i] = i;
    }
  }

  /** The count boxed: one instance for each of 0..{@value #HIGHEST_COUNT}. */
  static Integer count(Integer value) {
    return value != null && value >= 0 && value <= HIGHEST_COUNT ? COUNTS[value] : value;
  }

  /** {@code value} through the reader's pool, or as it is when the reader has none. */
  private static <T> T shared(T value, DeserializationContext context) {
    Object pool = context.getAttribute(StringPool.ATTRIBUTE);
    return pool == null || value == null ? value : ((StringPool) pool).share(value);
  }

  @Override
  public JsonDeserializer<?> modifyDeserializer(
      DeserializationConfig config, BeanDescription description, JsonDeserializer<?> reader) {
    Class<?> type = description.getBeanClass();
    if (POOLED.contains(type)) {
      return new Pooled(reader);
    }
    return reader;
  }

  /** Shares what the wrapped reader reads through the reader's pool. */
  private static final class Pooled extends DelegatingDeserializer {

    Pooled(JsonDeserializer<?> reader) {
      super(reader);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> reader) {
      return new Pooled(reader);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return shared(super.deserialize(parser, context), context);
    }
  }

  /** Boxed counts from one table (registered for {@code Integer}, which no modifier sees). */
  static final class Counts extends StdScalarDeserializer<Integer> {

    private static final NumberDeserializers.IntegerDeserializer NUMBERS =
        new NumberDeserializers.IntegerDeserializer(Integer.class, null);

    Counts() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return count(NUMBERS.deserialize(parser, context));
    }
  }

  /**
   * Boxed amounts: whole ones (seconds, counts read as numbers) shared through the reader's pool,
   * others read as they are (prices and rates seldom repeat).
   */
  static final class Amounts extends StdScalarDeserializer<Double> {

    private static final NumberDeserializers.DoubleDeserializer NUMBERS =
        new NumberDeserializers.DoubleDeserializer(Double.class, null);

    Amounts() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      Double amount = NUMBERS.deserialize(parser, context);
      return amount == null || amount != Math.rint(amount) ? amount : shared(amount, context);
    }
  }
}
