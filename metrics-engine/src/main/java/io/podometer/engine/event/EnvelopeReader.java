package io.podometer.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks the envelope fields of one event, collecting problems. */
final class EnvelopeReader {

  private static final Pattern REPO = Pattern.compile("[^/\\s]+/[^/\\s]+");

  private final JsonNode node;
  private final int line;
  private final String type;
  private final List<EventProblem> problems;
  private final TimeBounds time;

  EnvelopeReader(
      JsonNode node, int line, String type, List<EventProblem> problems, TimeBounds time) {
    this.node = node;
    this.line = line;
    this.type = type;
    this.problems = problems;
    this.time = time;
  }

  String id() {
    return requiredString("id", EventLimits.ID);
  }

  Instant occurredAt() {
    JsonNode value = node.get("occurredAt");
    if (value == null || value.isNull()) {
      problem("occurredAt", "missing");
      return null;
    }
    Instant instant = Timestamps.parseInstant(value);
    if (instant == null) {
      problem("occurredAt", "not " + FieldKind.INSTANT.expectation());
      return null;
    }
    String breach = time.breach(instant);
    if (breach != null) {
      problem("occurredAt", breach);
      return null;
    }
    return instant;
  }

  void schema() {
    JsonNode value = node.get("schema");
    if (value == null || value.isNull()) {
      problem("schema", "missing");
    } else if (!value.isIntegralNumber() || value.asInt() != 1) {
      problem("schema", "must be 1 (the only schema this version reads)");
    }
  }

  String repo(boolean required) {
    JsonNode value = node.get("repo");
    if (value == null || value.isNull()) {
      if (required) {
        problem("repo", "missing (required for " + type + ")");
      }
      return null;
    }
    if (!value.isTextual() || !REPO.matcher(value.asText()).matches()) {
      problem("repo", "must be 'owner/name'");
      return null;
    }
    return withinLimits("repo", value.asText(), EventLimits.REPO);
  }

  String requiredString(String field, int maxLength) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      problem(field, "missing");
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      problem(field, "must be a non-empty string");
      return null;
    }
    return withinLimits(field, value.asText(), maxLength);
  }

  String optionalString(String field, int maxLength) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problem(field, "must be a string");
      return null;
    }
    return withinLimits(field, value.asText(), maxLength);
  }

  private String withinLimits(String field, String text, int maxLength) {
    String beyond = DataValidator.textBeyond(text, maxLength);
    if (beyond != null) {
      problem(field, beyond);
      return null;
    }
    return text;
  }

  void rejectUnknownFields() {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!EventCodec.ENVELOPE_FIELDS.contains(name)) {
        problem(
            name,
            "unknown envelope field (allowed: id, type, source, occurredAt, schema, data, repo,"
                + " actor; put extra detail inside data)");
      }
    }
  }

  private void problem(String field, String reason) {
    problems.add(new EventProblem(line, type, field, reason));
  }
}
