package io.podometer.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads the fields of one mapping of the organization file, reporting every wrong value against the
 * entry and field it came from and answering a default instead, so that reading goes on and all
 * problems are found in one pass.
 */
final class EntryReader {

  /**
   * Ids are stored beside the figures and flags; a scope's text must fit its column. Checked on a
   * new version of the model ({@link OrgModelLoader#checkingNewVersions}), not on one stored
   * before.
   */
  static final int MAX_ID_LENGTH = 100;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final LoadContext context;
  private final String entry;
  private final String path;
  private final JsonNode node;

  EntryReader(LoadContext context, String entry, String path, JsonNode node) {
    this.context = context;
    this.entry = entry;
    this.path = path;
    this.node = node;
  }

  LoadContext context() {
    return context;
  }

  String entry() {
    return entry;
  }

  /** Where this mapping is inside its entry ({@code memberships[0]}), empty at the entry's top. */
  String path() {
    return path;
  }

  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void problem(String key, String message) {
    problemAt(field(key), message);
  }

  void problemAt(String field, String message) {
    context.problem(entry, field, message);
  }

  /** Reports every key of this mapping that is not one of {@code known}. */
  void allowKeys(String... known) {
    if (node == null) {
      return;
    }
    Set<String> allowed = Set.of(known);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problem(name, "unknown key; known keys: " + String.join(", ", Arrays.asList(known)));
      }
    }
  }

  /** The value of {@code key}, or null when it is absent or explicitly null. */
  JsonNode raw(String key) {
    JsonNode value = node == null ? null : node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  /** Whether the mapping exists in the file (a nested mapping may be absent). */
  boolean isPresent() {
    return node != null;
  }

  boolean has(String key) {
    return raw(key) != null;
  }

  String text(String key) {
    JsonNode value = raw(key);
    return value == null ? null : textValue(field(key), value);
  }

  String requiredText(String key) {
    String value = text(key);
    if (value == null && !has(key)) {
      problem(key, "required");
    } else if (value != null && value.isBlank()) {
      problem(key, "must not be empty");
      return null;
    }
    return value;
  }

  /**
   * A required id: letters, digits, {@code .}, {@code _} and {@code -}, plus {@code /} if asked.
   */
  String requiredId(String key, boolean slashAllowed) {
    String value = requiredText(key);
    if (value != null && context().newVersion && value.length() > MAX_ID_LENGTH) {
      problem(key, "at most " + MAX_ID_LENGTH + " characters, was " + value.length());
      return null;
    }
    if (value != null && !ID.matcher(slashAllowed ? value.replace('/', '-') : value).matches()) {
      problem(
          key,
          "not a valid id: '"
              + value
              + "' (use letters, digits, '.', '_', '-'"
              + (slashAllowed ? ", '/'" : "")
              + ")");
      return null;
    }
    return value;
  }

  int integer(String key, int fallback, int min) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problem(key, "expected a whole number, got " + describe(value));
      return fallback;
    }
    if (value.intValue() < min) {
      problem(key, "must be at least " + min + ", was " + value.intValue());
      return fallback;
    }
    return value.intValue();
  }

  Double number(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      problem(key, "expected a number, got " + describe(value));
      return null;
    }
    return value.doubleValue();
  }

  LocalDate date(String key, boolean required) {
    JsonNode value = raw(key);
    if (value == null) {
      if (required) {
        problem(key, "required");
      }
      return null;
    }
    try {
      return LocalDate.parse(value.asText());
    } catch (DateTimeParseException e) {
      problem(key, "not a date: '" + value.asText() + "'");
      return null;
    }
  }

  /** A list of strings; absent gives {@code fallback}; {@code check} sees each (field, value). */
  List<String> texts(String key, List<String> fallback, BiConsumer<String, String> check) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isArray()) {
      problem(key, "expected a list, got " + describe(value));
      return fallback;
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String itemField = field(key) + "[" + i + "]";
      String item = textValue(itemField, value.get(i));
      if (item != null) {
        check.accept(itemField, item);
        items.add(item);
      }
    }
    return List.copyOf(items);
  }

  List<String> texts(String key, List<String> fallback) {
    return texts(key, fallback, (itemField, item) -> {});
  }

  /** The nested mapping under {@code key}; absent (or not a mapping, reported) reads as empty. */
  EntryReader object(String key) {
    JsonNode value = raw(key);
    if (value != null && !value.isObject()) {
      problem(key, "expected a mapping, got " + describe(value));
      value = null;
    }
    return new EntryReader(context, entry, field(key), value);
  }

  /** The keys and values of this mapping, in the file's order; none when absent. */
  List<java.util.Map.Entry<String, JsonNode>> entries() {
    List<java.util.Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    if (isPresent()) {
      node.fields().forEachRemaining(entries::add);
    }
    return entries;
  }

  /** The mappings of the list under {@code key}, with fields {@code key[i].…}. */
  List<EntryReader> objects(String key) {
    JsonNode value = raw(key);
    List<EntryReader> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (!value.isArray()) {
      problem(key, "expected a list, got " + describe(value));
      return items;
    }
    for (int i = 0; i < value.size(); i++) {
      String itemField = field(key) + "[" + i + "]";
      if (value.get(i).isObject()) {
        items.add(new EntryReader(context, entry, itemField, value.get(i)));
      } else {
        problemAt(itemField, "expected a mapping, got " + describe(value.get(i)));
      }
    }
    return items;
  }

  private String textValue(String field, JsonNode value) {
    if (value.isTextual() || value.isIntegralNumber()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      problemAt(
          field,
          "expected a string, got "
              + value.asText()
              + " (quote it: YAML reads yes, no, on, off as true or false)");
    } else {
      problemAt(field, "expected a string, got " + describe(value));
    }
    return null;
  }

  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "'" + value.asText() + "'";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return value.asText();
  }
}
