package io.podometer.engine.org;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Converts the configuration records whose keys are their component names (thresholds, targets,
 * pilot criteria) to and from trees, so that an override can be merged key by key.
 */
final class RecordTrees {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private RecordTrees() {}

  static ObjectNode toTree(Object record) {
    return MAPPER.valueToTree(record);
  }

  static <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e);
    }
  }

  /** {@code base} with {@code values} (key → value, or group → key → value) merged over it. */
  @SuppressWarnings("unchecked")
  static <T> T overlay(T base, Map<String, ?> values) {
    ObjectNode tree = toTree(base);
    merge(tree, MAPPER.valueToTree(values));
    return fromTree(tree, (Class<T>) base.getClass());
  }

  private static void merge(ObjectNode target, JsonNode overrides) {
    overrides
        .properties()
        .forEach(
            entry -> {
              JsonNode current = target.get(entry.getKey());
              if (current instanceof ObjectNode nested && entry.getValue().isObject()) {
                merge(nested, entry.getValue());
              } else {
                target.set(entry.getKey(), entry.getValue());
              }
            });
  }
}
