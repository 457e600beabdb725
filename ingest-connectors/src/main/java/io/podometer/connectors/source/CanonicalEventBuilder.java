package io.podometer.connectors.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds canonical events for a connector and validates each against the contract, so what a mapper
 * produces is exactly what {@code POST /api/events} would accept.
 */
public final class CanonicalEventBuilder {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final EventCodec codec;
  private final String source;

  public CanonicalEventBuilder(EventCodec codec, String source) {
    this.codec = codec;
    this.source = source;
  }

  public static ObjectNode data() {
    return JSON.objectNode();
  }

  /**
   * @throws UnmappablePayload naming the fields that break the contract
   */
  public CanonicalEvent build(
      String id, String type, Instant occurredAt, String repo, String actor, ObjectNode data) {
    List<EventProblem> problems = new ArrayList<>();
    CanonicalEvent built = build(id, type, occurredAt, repo, actor, data, 0, problems);
    if (built == null) {
      throw new UnmappablePayload(
          "the "
              + type
              + " event "
              + id
              + " it maps to breaks the event contract: "
              + problems.stream().map(EventProblem::toString).collect(Collectors.joining("; ")));
    }
    return built;
  }

  /**
   * As {@link #build(String, String, Instant, String, String, ObjectNode)}, for a source that
   * reports every problem of a file before refusing it: the event, or null after adding to {@code
   * problems} what breaks the contract (each with {@code line}).
   */
  public CanonicalEvent build(
      String id,
      String type,
      Instant occurredAt,
      String repo,
      String actor,
      ObjectNode data,
      int line,
      List<EventProblem> problems) {
    ObjectNode event = JSON.objectNode();
    event.put("id", id);
    event.put("type", type);
    event.put("source", source);
    event.put("occurredAt", occurredAt == null ? null : occurredAt.toString());
    if (repo != null) {
      event.put("repo", repo);
    }
    if (actor != null) {
      event.put("actor", actor);
    }
    event.put("schema", 1);
    event.set("data", data);
    int before = problems.size();
    CanonicalEvent built = codec.fromTree(event, line, problems);
    return problems.size() > before ? null : built;
  }

  /** Text cut to a contract limit, never inside a surrogate pair. */
  public static String upTo(String text, int limit) {
    if (text == null || text.length() <= limit) {
      return text;
    }
    int end = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    return text.substring(0, end);
  }
}
