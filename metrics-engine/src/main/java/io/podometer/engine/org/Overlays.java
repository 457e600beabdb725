package io.podometer.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a mapping that overrides a configuration record (thresholds, targets, pilot criteria) key
 * by key: every key must be one of the record's, with a value of the default's type and in range.
 */
final class Overlays {

  /** Keys that are fractions, 0 to 1. */
  private static final Set<String> FRACTIONS =
      Set.of(
          "pickupShare",
          "topReviewerShare",
          "uncorroboratedShare",
          "prSizeDrop",
          "rubberStampShare",
          "activeShare",
          "adoptionCross",
          "acceptanceRateBelow",
          "rejectRateAbove",
          "aiShareAtLeast",
          "shareWithoutTestsOrDocs",
          "reviewDrop",
          "humanShareBelow",
          "unlinkedShare",
          "weeklyActiveAiUsers",
          "agentAssistedDiffs",
          "ai_code_share",
          "agent_assisted_diffs",
          "weekly_active_ai_users");

  record Result<T>(T merged, Map<String, Object> overrides) {}

  private Overlays() {}

  static <T> Result<T> read(EntryReader reader, String key, T base) {
    JsonNode given = reader.raw(key);
    if (given == null) {
      return new Result<>(base, Map.of());
    }
    if (!given.isObject()) {
      reader.problem(key, "expected a mapping, got " + EntryReader.describe(given));
      return new Result<>(base, Map.of());
    }
    Map<String, Object> overrides =
        collect(reader, reader.field(key), RecordTrees.toTree(base), given);
    T merged = overrides.isEmpty() ? base : RecordTrees.overlay(base, overrides);
    return new Result<>(merged, overrides);
  }

  private static Map<String, Object> collect(
      EntryReader reader, String path, ObjectNode defaults, JsonNode given) {
    Map<String, Object> values = new LinkedHashMap<>();
    given
        .properties()
        .forEach(
            entry -> {
              String name = entry.getKey();
              JsonNode value = entry.getValue();
              String field = path + "." + name;
              JsonNode fallback = defaults.get(name);
              if (fallback == null) {
                List<String> known = new ArrayList<>();
                defaults.fieldNames().forEachRemaining(known::add);
                reader.problemAt(field, "unknown key; known keys: " + String.join(", ", known));
              } else if (value.isNull()) {
                return;
              } else if (fallback.isObject()) {
                if (!value.isObject()) {
                  reader.problemAt(field, "expected a mapping, got " + EntryReader.describe(value));
                  return;
                }
                Map<String, Object> nested = collect(reader, field, (ObjectNode) fallback, value);
                if (!nested.isEmpty()) {
                  values.put(name, nested);
                }
              } else {
                Object scalar = scalar(reader, field, name, fallback, value);
                if (scalar != null) {
                  values.put(name, scalar);
                }
              }
            });
    return values;
  }

  private static Object scalar(
      EntryReader reader, String field, String name, JsonNode fallback, JsonNode value) {
    if (fallback.isBoolean()) {
      if (value.isBoolean()) {
        return value.booleanValue();
      }
      reader.problemAt(field, "expected true or false, got " + EntryReader.describe(value));
    } else if (fallback.isIntegralNumber()) {
      if (value.isIntegralNumber() && value.canConvertToInt()) {
        int min = name.equals("weeks") || name.endsWith("Weeks") ? 1 : 0;
        if (value.intValue() >= min) {
          return value.intValue();
        }
        reader.problemAt(field, "must be at least " + min + ", was " + value.intValue());
      } else {
        reader.problemAt(field, "expected a whole number, got " + EntryReader.describe(value));
      }
    } else if (fallback.isNumber()) {
      if (value.isNumber()) {
        return inRange(reader, field, name, value.doubleValue());
      }
      reader.problemAt(field, "expected a number, got " + EntryReader.describe(value));
    } else if (fallback.isArray()) {
      return strings(reader, field, value);
    }
    return null;
  }

  private static Double inRange(EntryReader reader, String field, String name, double value) {
    if (name.endsWith("Factor") && value <= 0) {
      reader.problemAt(field, "must be greater than 0, was " + value);
    } else if (value < 0) {
      reader.problemAt(field, "must not be negative, was " + value);
    } else if (FRACTIONS.contains(name) && value > 1) {
      reader.problemAt(field, "is a fraction (0.5 = 50 %) and must be at most 1, was " + value);
    } else {
      return value;
    }
    return null;
  }

  private static List<String> strings(EntryReader reader, String field, JsonNode value) {
    if (!value.isArray()) {
      reader.problemAt(field, "expected a list, got " + EntryReader.describe(value));
      return null;
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isTextual()) {
        items.add(value.get(i).asText());
      } else {
        reader.problemAt(
            field + "[" + i + "]", "expected a string, got " + EntryReader.describe(value.get(i)));
      }
    }
    return List.copyOf(items);
  }
}
