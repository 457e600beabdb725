package io.podometer.connectors.vendorusage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the vendors' readers share: a page's rows, and a person's day as a whole-day event. */
final class VendorDays {

  private final CanonicalEventBuilder builder;
  private final Instant now;
  final List<String> problems = new ArrayList<>();
  final List<CanonicalEvent> events = new ArrayList<>();

  VendorDays(String source, Instant now) {
    this.builder = new CanonicalEventBuilder(new EventCodec(), source);
    this.now = now;
  }

  /** The rows of a page's {@code data}, or {@link UsageReport.Unreadable} naming what it is not. */
  static JsonNode rows(String json, String notThePage) {
    JsonNode page;
    try {
      page = EventCodec.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new UsageReport.Unreadable(List.of("not JSON: " + e.getOriginalMessage()));
    }
    if (page == null || !page.path("data").isArray()) {
      throw new UsageReport.Unreadable(List.of("data: missing; " + notThePage));
    }
    return page;
  }

  /** The usage data of one person's day with a tool (tool, user, day). */
  static ObjectNode data(String tool, String user, LocalDate day) {
    ObjectNode data = CanonicalEventBuilder.data();
    data.put("tool", tool);
    data.put("user", user);
    data.put("day", day.toString());
    return data;
  }

  /**
   * Adds the whole-day event {@code usage:<tool>:<user>:<day>}, occurred when it was read — so the
   * latest fetch of a day is its newest revision and replaces what an earlier one said, even a
   * fetch made before the vendor had the whole day — or what breaks the contract to {@code
   * problems}, under {@code where}.
   */
  void add(String where, ObjectNode data) {
    String tool = data.path("tool").asText();
    String user = data.path("user").asText();
    LocalDate day = LocalDate.parse(data.path("day").asText());
    build(
        builder,
        "usage:" + tool + ":" + user + ":" + day,
        "agent.usage",
        now,
        data,
        where,
        events,
        problems);
  }

  /**
   * Builds an event of a vendor's row into {@code events}, or adds what breaks the contract to
   * {@code problems}, each under {@code where}.
   */
  static void build(
      CanonicalEventBuilder builder,
      String id,
      String type,
      Instant at,
      ObjectNode data,
      String where,
      List<CanonicalEvent> events,
      List<String> problems) {
    List<EventProblem> invalid = new ArrayList<>();
    CanonicalEvent event = builder.build(id, type, at, null, null, data, 0, invalid);
    if (event == null) {
      invalid.forEach(p -> problems.add(where + ": " + p.field() + ": " + p.reason()));
    } else {
      events.add(event);
    }
  }

  /** The days read, or {@link UsageReport.Unreadable} with every problem. */
  UsageReport report(String nextPage) {
    if (!problems.isEmpty()) {
      throw new UsageReport.Unreadable(problems);
    }
    return new UsageReport(List.copyOf(events), nextPage);
  }

  /** A field's text, or null when absent or blank. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
  }
}
