package io.podometer.engine.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads canonical events from JSON or NDJSON, validating every field against the contract of
 * EVENTS.md, and writes them back. Thread-safe.
 */
public final class EventCodec {

  /** The envelope fields of schema 1; any other top-level field is refused. */
  static final Set<String> ENVELOPE_FIELDS =
      Set.of("id", "type", "source", "occurredAt", "schema", "data", "repo", "actor");

  static final int MAX_PROBLEMS = 100;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new com.fasterxml.jackson.databind.module.SimpleModule("podometer-instants")
                  .addDeserializer(Instant.class, new InstantDeserializer()))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  // what arrives: a second object after the first, or garbage, is an error, not silently
  // dropped; {"a":1,"a":2} means two values for one field, refused rather than one chosen. Stored
  // canonical JSON, written by this codec, is read without these checks.
  private static final com.fasterxml.jackson.databind.ObjectReader ARRIVING =
      MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private final TimeBounds time;
  private final DataValidator dataValidator;

  /** A codec taking any moment from 1970 on (fixed histories, replays, tests). */
  public EventCodec() {
    this(TimeBounds.UNBOUNDED);
  }

  /**
   * A codec for events arriving now: every moment they name lies between 1970 and {@code horizon}
   * after the clock's now.
   */
  public EventCodec(java.time.Clock clock, java.time.Duration horizon) {
    this(TimeBounds.upTo(clock, horizon));
  }

  private EventCodec(TimeBounds time) {
    this.time = time;
    this.dataValidator = new DataValidator(time);
  }

  /** The mapper events are read with; shared so callers build trees the same way. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses one event (a JSON object). Problems carry line 0. */
  public CanonicalEvent parseOne(String json) {
    List<EventProblem> problems = new ArrayList<>();
    CanonicalEvent event = parseLine(json, 0, problems);
    if (!problems.isEmpty()) {
      throw new EventValidationException(problems);
    }
    return event;
  }

  /**
   * Parses an NDJSON batch: one event per line, blank lines skipped. Every line is checked; when
   * any is invalid the whole batch is refused with all problems found (at most {@value
   * #MAX_PROBLEMS}).
   */
  public List<CanonicalEvent> parseNdjson(String body) {
    List<EventProblem> problems = new ArrayList<>();
    List<CanonicalEvent> events = new ArrayList<>();
    int lineNumber = 0;
    for (String line : body.split("\n", -1)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      CanonicalEvent event = parseLine(line, lineNumber, problems);
      if (event != null) {
        events.add(event);
      }
      if (problems.size() >= MAX_PROBLEMS) {
        problems.add(
            new EventProblem(lineNumber, null, "batch", "too many problems; checking stopped"));
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new EventValidationException(problems);
    }
    return events;
  }

  /** Validates an already parsed tree; returns null and adds to {@code problems} when invalid. */
  public CanonicalEvent fromTree(JsonNode node, int line, List<EventProblem> problems) {
    if (node == null || !node.isObject()) {
      problems.add(new EventProblem(line, null, "event", "must be a JSON object"));
      return null;
    }
    int before = problems.size();
    Optional<EventType> type = readType(node, line, problems);
    String typeName = type.map(EventType::wireName).orElse(null);
    EnvelopeReader envelope = new EnvelopeReader(node, line, typeName, problems, time);
    String id = envelope.id();
    String source = envelope.requiredString("source", EventLimits.SOURCE);
    Instant occurredAt = envelope.occurredAt();
    envelope.schema();
    String repo = envelope.repo(type.map(EventType::requiresRepo).orElse(false));
    String actor = envelope.optionalString("actor", EventLimits.NAME);
    envelope.rejectUnknownFields();
    JsonNode data = node.get("data");
    ObjectNode normalizedData = null;
    if (data == null || data.isNull()) {
      problems.add(new EventProblem(line, typeName, "data", "missing"));
    } else if (!data.isObject()) {
      problems.add(new EventProblem(line, typeName, "data", "must be an object"));
    } else if (type.isPresent()) {
      normalizedData = dataValidator.validate(type.get(), (ObjectNode) data, line, problems);
    }
    if (problems.size() > before || type.isEmpty()) {
      return null;
    }
    ObjectNode canonical = MAPPER.createObjectNode();
    canonical.put("id", id);
    canonical.put("type", typeName);
    canonical.put("source", source);
    canonical.put("occurredAt", occurredAt.toString());
    canonical.put("schema", 1);
    if (repo != null) {
      canonical.put("repo", repo);
    }
    if (actor != null) {
      canonical.put("actor", actor);
    }
    canonical.set("data", normalizedData);
    CanonicalEvent event =
        new CanonicalEvent(
            id,
            type.get(),
            source,
            occurredAt,
            repo,
            actor,
            null,
            normalizedData,
            CanonicalJson.write(canonical));
    int keyLength = event.factKey().key().length();
    if (keyLength > EventLimits.KEY) {
      problems.add(
          new EventProblem(
              line,
              typeName,
              "data",
              "its natural key (the repository and the fields naming the fact) is longer than "
                  + EventLimits.KEY
                  + " characters ("
                  + keyLength
                  + ")"));
      return null;
    }
    return event;
  }

  /**
   * Reads an event this codec wrote ({@link CanonicalEvent#canonicalJson()}), e.g. from the event
   * store, without validating it again.
   *
   * @throws IllegalStateException when the text is not a stored canonical event
   */
  public CanonicalEvent readStored(String canonicalJson) {
    try {
      JsonNode node = MAPPER.readTree(canonicalJson);
      EventType type =
          EventType.fromWireName(node.path("type").asText())
              .orElseThrow(() -> new IllegalStateException("unknown type in stored event"));
      return new CanonicalEvent(
          node.get("id").asText(),
          type,
          node.get("source").asText(),
          io.podometer.engine.time.Instants.parse(node.get("occurredAt").asText()),
          node.hasNonNull("repo") ? node.get("repo").asText() : null,
          node.hasNonNull("actor") ? node.get("actor").asText() : null,
          null,
          (ObjectNode) node.get("data"),
          canonicalJson);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("not a stored canonical event: " + e.getMessage(), e);
    }
  }

  /** The event as canonical JSON (sorted keys, UTC timestamps, unknown data fields kept). */
  public String toJson(CanonicalEvent event) {
    return event.canonicalJson();
  }

  private CanonicalEvent parseLine(String text, int line, List<EventProblem> problems) {
    JsonNode node;
    try {
      node = ARRIVING.readTree(text);
    } catch (JsonProcessingException e) {
      problems.add(
          new EventProblem(
              line,
              null,
              "json",
              (e.getLocation() == null
                      ? "malformed JSON: "
                      : "malformed JSON at column " + e.getLocation().getColumnNr() + ": ")
                  + reason(e)));
      return null;
    }
    if (node == null || node.isMissingNode()) {
      problems.add(new EventProblem(line, null, "json", "empty"));
      return null;
    }
    return fromTree(node, line, problems);
  }

  /** The parser's complaint, in the contract's words where its own name the parser's types. */
  private static String reason(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    if (original != null && original.startsWith("Trailing token")) {
      return "another value follows the event (one JSON object per body; NDJSON: one per line)";
    }
    if (original != null && original.contains("nesting depth")) {
      return "nested deeper than the "
          + com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH
          + " levels a JSON value may have";
    }
    return original;
  }

  private static Optional<EventType> readType(
      JsonNode node, int line, List<EventProblem> problems) {
    JsonNode type = node.get("type");
    if (type == null || type.isNull()) {
      problems.add(new EventProblem(line, null, "type", "missing"));
      return Optional.empty();
    }
    if (!type.isTextual()) {
      problems.add(new EventProblem(line, null, "type", "must be a string"));
      return Optional.empty();
    }
    Optional<EventType> known = EventType.fromWireName(type.asText());
    if (known.isEmpty()) {
      problems.add(
          new EventProblem(line, null, "type", "unknown event type '" + type.asText() + "'"));
    }
    return known;
  }
}
