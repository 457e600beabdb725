package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.connectors.source.UnmappablePayload;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An object of a GitHub payload (the delivery, its {@code pull_request}, a REST page's item) read
 * by dotted field paths; a missing required field or a wrong type is an {@link UnmappablePayload}
 * naming the field's full path. GitHub writes times as ISO-8601 with {@code Z} or an offset (push
 * commits), and a few as epoch seconds (a push's {@code repository.pushed_at}).
 */
record GitHubObject(JsonNode node, String path) {

  static GitHubObject root(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new UnmappablePayload("body: must be a JSON object");
    }
    return new GitHubObject(node, "");
  }

  private String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private JsonNode at(String field) {
    JsonNode at = node;
    for (String part : field.split("\\.")) {
      if (at == null || at.isNull() || at.isMissingNode()) {
        return null;
      }
      at = at.get(part);
    }
    return at == null || at.isNull() || at.isMissingNode() ? null : at;
  }

  boolean has(String field) {
    return at(field) != null;
  }

  /** The object at the field, or null when absent. */
  GitHubObject object(String field) {
    JsonNode at = at(field);
    if (at == null) {
      return null;
    }
    if (!at.isObject()) {
      throw new UnmappablePayload(name(field) + ": must be an object");
    }
    return new GitHubObject(at, name(field));
  }

  GitHubObject requiredObject(String field) {
    GitHubObject object = object(field);
    if (object == null) {
      throw new UnmappablePayload(name(field) + ": missing");
    }
    return object;
  }

  String text(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw new UnmappablePayload(name(field) + ": missing");
    }
    return value;
  }

  String optionalText(String field) {
    JsonNode at = at(field);
    if (at == null) {
      return null;
    }
    if (!at.isValueNode() || at.isBoolean()) {
      throw new UnmappablePayload(name(field) + ": must be a string");
    }
    return at.asText();
  }

  long number(String field) {
    Long value = optionalNumber(field);
    if (value == null) {
      throw new UnmappablePayload(name(field) + ": missing");
    }
    return value;
  }

  Long optionalNumber(String field) {
    JsonNode at = at(field);
    if (at == null) {
      return null;
    }
    if (!at.isIntegralNumber() || !at.canConvertToLong()) {
      throw new UnmappablePayload(name(field) + ": must be a whole number");
    }
    return at.asLong();
  }

  boolean flag(String field) {
    JsonNode at = at(field);
    if (at == null) {
      return false;
    }
    if (!at.isBoolean()) {
      throw new UnmappablePayload(name(field) + ": must be true or false");
    }
    return at.asBoolean();
  }

  Instant instant(String field) {
    Instant value = optionalInstant(field);
    if (value == null) {
      throw new UnmappablePayload(name(field) + ": missing");
    }
    return value;
  }

  Instant optionalInstant(String field) {
    JsonNode at = at(field);
    if (at == null) {
      return null;
    }
    if (at.isIntegralNumber()) {
      return Instant.ofEpochSecond(at.asLong());
    }
    try {
      return OffsetDateTime.parse(at.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new UnmappablePayload(name(field) + ": not an ISO-8601 time: '" + at.asText() + "'");
    }
  }

  /** The objects of an array, empty when absent. */
  List<GitHubObject> objects(String field) {
    JsonNode at = at(field);
    List<GitHubObject> items = new ArrayList<>();
    if (at == null) {
      return items;
    }
    if (!at.isArray()) {
      throw new UnmappablePayload(name(field) + ": must be an array");
    }
    for (int i = 0; i < at.size(); i++) {
      JsonNode item = at.get(i);
      if (!item.isObject()) {
        throw new UnmappablePayload(name(field) + "[" + i + "]: must be an object");
      }
      items.add(new GitHubObject(item, name(field) + "[" + i + "]"));
    }
    return items;
  }

  /** The strings of an array, empty when absent. */
  List<String> texts(String field) {
    JsonNode at = at(field);
    List<String> items = new ArrayList<>();
    if (at == null) {
      return items;
    }
    if (!at.isArray()) {
      throw new UnmappablePayload(name(field) + ": must be an array");
    }
    for (int i = 0; i < at.size(); i++) {
      if (!at.get(i).isTextual()) {
        throw new UnmappablePayload(name(field) + "[" + i + "]: must be a string");
      }
      items.add(at.get(i).asText());
    }
    return items;
  }

  /** The {@code name} of each object of an array (labels), in order. */
  List<String> names(String field) {
    List<String> names = new ArrayList<>();
    for (GitHubObject item : objects(field)) {
      names.add(item.text("name"));
    }
    return names;
  }

  /** A user's login; GitHub shows a deleted account as null, here the ghost GitHub shows. */
  String login(String userField) {
    GitHubObject user = object(userField);
    return user == null ? GHOST : user.text("login");
  }

  static final String GHOST = "ghost";
}
