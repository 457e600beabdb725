package io.podometer.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks an event's {@code data} against its type's fields and returns a normalized copy:
 * timestamps in UTC, unknown fields kept (they are forward compatible and ignored by the fold).
 */
final class DataValidator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // what normalize answers once it has itself reported why a well-formed value is refused
  private static final JsonNode REPORTED =
      com.fasterxml.jackson.databind.node.MissingNode.getInstance();

  private final TimeBounds time;

  DataValidator(TimeBounds time) {
    this.time = time;
  }

  ObjectNode validate(EventType type, ObjectNode data, int line, List<EventProblem> problems) {
    return validateObject(type, "data.", type.fields(), data, line, problems);
  }

  private ObjectNode validateObject(
      EventType type,
      String prefix,
      List<FieldSpec> specs,
      ObjectNode data,
      int line,
      List<EventProblem> problems) {
    ObjectNode normalized = data.deepCopy();
    for (FieldSpec spec : specs) {
      JsonNode value = data.get(spec.name());
      String field = prefix + spec.name();
      if (value == null || value.isNull()) {
        if (spec.required()) {
          problems.add(new EventProblem(line, type.wireName(), field, "missing"));
        }
        normalized.remove(spec.name());
        continue;
      }
      JsonNode checked = check(type, field, spec, value, line, problems);
      if (checked != null) {
        normalized.set(spec.name(), checked);
      }
    }
    return normalized;
  }

  private JsonNode check(
      EventType type,
      String field,
      FieldSpec spec,
      JsonNode value,
      int line,
      List<EventProblem> problems) {
    String beyond = beyondLimits(spec, value);
    if (beyond != null) {
      problems.add(new EventProblem(line, type.wireName(), field, beyond));
      return null;
    }
    JsonNode result = normalize(type, field, spec, value, line, problems);
    if (result == REPORTED) {
      return null;
    }
    if (result == null) {
      problems.add(
          new EventProblem(
              line,
              type.wireName(),
              field,
              "must be " + spec.kind().expectation() + ", got " + describe(value)));
      return null;
    }
    if (!spec.allowed().isEmpty() && !spec.allowed().contains(result.asText())) {
      problems.add(
          new EventProblem(
              line,
              type.wireName(),
              field,
              "'" + result.asText() + "' is not one of " + new TreeSet<>(spec.allowed())));
      return null;
    }
    return result;
  }

  /** The normalized value, or null when the value has the wrong shape. */
  private JsonNode normalize(
      EventType type,
      String field,
      FieldSpec spec,
      JsonNode value,
      int line,
      List<EventProblem> problems) {
    switch (spec.kind()) {
      case STRING:
        return value.isTextual() && !value.asText().isEmpty() ? value : null;
      case INTEGER:
        return value.isIntegralNumber() && value.canConvertToInt() ? value : null;
      case NON_NEGATIVE_INTEGER:
        return value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0
            ? value
            : null;
      case NON_NEGATIVE_LONG:
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0
            ? value
            : null;
      case NUMBER:
        return value.isNumber() && Double.isFinite(value.asDouble()) ? value : null;
      case NON_NEGATIVE_NUMBER:
        return value.isNumber() && Double.isFinite(value.asDouble()) && value.asDouble() >= 0
            ? value
            : null;
      case SCORE:
        return value.isIntegralNumber() && value.asInt() >= 1 && value.asInt() <= 5 ? value : null;
      case BOOLEAN:
        return value.isBoolean() ? value : null;
      case INSTANT:
        Instant instant = Timestamps.parseInstant(value);
        return instant == null
            ? null
            : inTime(instant, NODES.textNode(instant.toString()), type, field, line, problems);
      case DAY:
        java.time.LocalDate day = Timestamps.parseDay(value);
        return day == null
            ? null
            : inTime(
                day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                value,
                type,
                field,
                line,
                problems);
      case WEEK:
        java.util.Optional<io.podometer.engine.time.IsoWeek> week =
            Timestamps.isWeek(value)
                ? io.podometer.engine.time.IsoWeek.tryParse(value.asText())
                : java.util.Optional.empty();
        return week.isEmpty()
            ? null
            : inTime(
                week.get().start(java.time.ZoneOffset.UTC), value, type, field, line, problems);
      case STRINGS:
        return everyElement(value, element -> element.isTextual());
      case INTEGERS:
        return everyElement(value, element -> element.isIntegralNumber());
      case OBJECT:
        if (!value.isObject()) {
          return null;
        }
        return validateObject(type, field + ".", spec.fields(), (ObjectNode) value, line, problems);
      case OBJECTS:
        if (!value.isArray()) {
          return null;
        }
        ArrayNode normalized = NODES.arrayNode();
        for (int i = 0; i < value.size(); i++) {
          JsonNode element = value.get(i);
          String elementField = field + "[" + i + "]";
          if (!element.isObject()) {
            problems.add(
                new EventProblem(line, type.wireName(), elementField, "must be an object"));
            continue;
          }
          normalized.add(
              validateObject(
                  type, elementField + ".", spec.fields(), (ObjectNode) element, line, problems));
        }
        return normalized;
      default:
        throw new IllegalStateException("unhandled field kind " + spec.kind());
    }
  }

  /**
   * What a value of the right shape breaks of the field's limits ({@link EventLimits}): too many
   * characters or a NUL in a string, too many items in an array, a number too large; null when none
   * (or when the shape is wrong, which {@link #normalize} reports, as it does moments out of
   * bounds).
   */
  private static String beyondLimits(FieldSpec spec, JsonNode value) {
    switch (spec.kind()) {
      case STRING:
        return value.isTextual() ? textBeyond(value.asText(), spec.maxLength()) : null;
      case STRINGS:
      case INTEGERS:
      case OBJECTS:
        if (!value.isArray()) {
          return null;
        }
        if (value.size() > EventLimits.ITEMS) {
          return "more than " + EventLimits.ITEMS + " items";
        }
        if (spec.kind() == FieldKind.STRINGS) {
          for (int i = 0; i < value.size(); i++) {
            String beyond =
                value.get(i).isTextual()
                    ? textBeyond(value.get(i).asText(), spec.maxLength())
                    : null;
            if (beyond != null) {
              return "item " + i + ": " + beyond;
            }
          }
        }
        return null;
      case NUMBER:
      case NON_NEGATIVE_NUMBER:
        if (value.isNumber()
            && Double.isFinite(value.asDouble())
            && Math.abs(value.asDouble()) > spec.max()) {
          return "must be at most " + limit(spec.max()) + " in magnitude, got " + value;
        }
        return null;
      default:
        return null;
    }
  }

  /** The normalized moment, or {@link #REPORTED} once its being out of bounds is reported. */
  private JsonNode inTime(
      Instant at,
      JsonNode normalized,
      EventType type,
      String field,
      int line,
      List<EventProblem> problems) {
    String breach = time.breach(at);
    if (breach == null) {
      return normalized;
    }
    problems.add(new EventProblem(line, type.wireName(), field, breach));
    return REPORTED;
  }

  /** A string's breach of a length limit or of the no-NUL rule, or null. */
  static String textBeyond(String text, int maxLength) {
    if (text.length() > maxLength) {
      return "longer than " + maxLength + " characters (" + text.length() + ")";
    }
    if (text.indexOf('\u0000') >= 0) {
      return "contains a NUL character";
    }
    return null;
  }

  private static String limit(double max) {
    return max == Math.rint(max) && max < 1e15
        ? String.format(java.util.Locale.ROOT, "%,d", (long) max)
        : Double.toString(max);
  }

  private static JsonNode everyElement(
      JsonNode value, java.util.function.Predicate<JsonNode> test) {
    if (!value.isArray()) {
      return null;
    }
    for (JsonNode element : value) {
      if (!test.test(element)) {
        return null;
      }
    }
    return value;
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    return value.toString();
  }
}
