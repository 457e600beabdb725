package io.podometer.web.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an administration request strictly: a misspelt field (say {@code emial}) is refused by name
 * instead of silently creating a user or token without it; a field of the wrong type too.
 */
final class StrictJson {

  private StrictJson() {}

  static <T> T read(ObjectMapper json, JsonNode body, Class<T> type, Set<String> fields) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("body: a JSON object with " + new TreeSet<>(fields));
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "body: unknown field(s) " + unknown + " (allowed: " + new TreeSet<>(fields) + ")");
    }
    for (String name : fields) {
      JsonNode value = body.get(name);
      if (value != null && !value.isNull() && !value.isTextual() && !value.isArray()) {
        throw new IllegalArgumentException(name + ": must be a string or a list of strings");
      }
      if (value != null && value.isArray()) {
        for (JsonNode item : value) {
          if (!item.isTextual()) {
            throw new IllegalArgumentException(name + ": every item must be a string");
          }
        }
      }
    }
    try {
      return json.treeToValue(body, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("body: " + e.getOriginalMessage());
    }
  }
}
