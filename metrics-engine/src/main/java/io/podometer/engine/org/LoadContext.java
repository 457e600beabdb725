package io.podometer.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one load collects: problems, warnings, and the ids the file declares, gathered before any
 * entry is read so that references can be checked in any order.
 */
final class LoadContext {

  final String source;
  final List<OrgProblem> problems = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final Set<String> pillarIds = new HashSet<>();
  final Set<String> podIds = new HashSet<>();
  final Set<String> memberIds = new HashSet<>();

  /**
   * Whether a kill signal may name a metric id (the engine's catalog, when the loader knows it).
   */
  java.util.function.Predicate<String> knownMetric = id -> true;

  /**
   * Whether this is a new version, held to the rules added since versions were first stored (id
   * lengths, known metrics); a version stored before them still loads.
   */
  boolean newVersion;

  LoadContext(String source) {
    this.source = source;
  }

  void problem(String entry, String field, String message) {
    problems.add(new OrgProblem(source, entry, field, message));
  }

  void declareIds(JsonNode root) {
    collectIds(root.get("pillars"), pillarIds);
    collectIds(root.get("pods"), podIds);
    collectIds(root.get("members"), memberIds);
  }

  private static void collectIds(JsonNode list, Set<String> into) {
    if (list != null && list.isArray()) {
      for (JsonNode item : list) {
        JsonNode id = item.get("id");
        if (id != null && (id.isTextual() || id.isIntegralNumber())) {
          into.add(id.asText());
        }
      }
    }
  }

  /**
   * The entries of a top-level list, each labelled {@code key[i] (id)} with the value of its {@code
   * labelKey}; a missing list is empty, anything but a list or a mapping item is a problem.
   */
  List<EntryReader> entries(JsonNode root, String key, String labelKey) {
    JsonNode list = root.get(key);
    List<EntryReader> entries = new ArrayList<>();
    if (list == null || list.isNull()) {
      return entries;
    }
    if (!list.isArray()) {
      problem("", key, "expected a list, got " + EntryReader.describe(list));
      return entries;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String entry = key + "[" + i + "]";
      if (!item.isObject()) {
        problem(entry, "", "expected a mapping, got " + EntryReader.describe(item));
        continue;
      }
      JsonNode label = item.get(labelKey);
      if (label != null && (label.isTextual() || label.isIntegralNumber())) {
        entry += " (" + label.asText() + ")";
      }
      entries.add(new EntryReader(this, entry, "", item));
    }
    return entries;
  }
}
