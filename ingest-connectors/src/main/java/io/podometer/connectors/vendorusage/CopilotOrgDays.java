package io.podometer.connectors.vendorusage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An organization's days of Copilot as GitHub totals them, people not told apart, as {@code
 * agent.org_usage} events {@code org-usage:copilot:<account>:<day>} occurred when read (a re-read
 * day replaces the earlier one): the files of the older {@code GET /orgs/{org}/copilot/metrics}
 * (switched off on 2026-04-02; a JSON array of days with {@code total_active_users}, {@code
 * total_engaged_users} and completions and chats by editor, model and language), and the rows of
 * the organization- and enterprise-level usage reports ({@code daily_active_users}, {@code
 * code_generation_activity_count}, {@code loc_added_sum}…). A day without a row stays missing.
 */
public final class CopilotOrgDays {

  private final CanonicalEventBuilder builder =
      new CanonicalEventBuilder(new EventCodec(), "copilot");
  private final String account;
  private final Instant now;
  private final List<String> problems = new ArrayList<>();
  private final List<CanonicalEvent> events = new ArrayList<>();

  CopilotOrgDays(String account, Instant now) {
    this.account = account;
    this.now = now;
  }

  /**
   * A file of the older {@code /copilot/metrics} API: an array of days (or one day).
   *
   * @throws UsageReport.Unreadable naming every day and field that cannot be read
   */
  public static List<CanonicalEvent> readMetricsFile(String json, String account, Instant now) {
    JsonNode days;
    try {
      days = EventCodec.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new UsageReport.Unreadable(List.of("not JSON: " + e.getOriginalMessage()));
    }
    CopilotOrgDays read = new CopilotOrgDays(account, now);
    if (days != null && days.isObject()) {
      read.metricsDay(days, "the day");
    } else if (days != null && days.isArray()) {
      for (int i = 0; i < days.size(); i++) {
        read.metricsDay(days.get(i), "[" + i + "]");
      }
    } else {
      throw new UsageReport.Unreadable(
          List.of("not a /copilot/metrics file: expected a JSON array of days"));
    }
    return read.events();
  }

  /** One day of {@code /copilot/metrics}: totals, and completions and chats summed over editors. */
  private void metricsDay(JsonNode row, String where) {
    LocalDate day = day(row, "date", where);
    if (day == null) {
      return;
    }
    ObjectNode data = data(day);
    putCount(data, "activeUsers", row, "total_active_users", where);
    putCount(data, "engagedUsers", row, "total_engaged_users", where);
    long[] completions = new long[4];
    for (JsonNode editor : row.path("copilot_ide_code_completions").path("editors")) {
      for (JsonNode model : editor.path("models")) {
        for (JsonNode language : model.path("languages")) {
          completions[0] += language.path("total_code_suggestions").asLong(0);
          completions[1] += language.path("total_code_acceptances").asLong(0);
          completions[2] += language.path("total_code_lines_suggested").asLong(0);
          completions[3] += language.path("total_code_lines_accepted").asLong(0);
        }
      }
    }
    if (row.path("copilot_ide_code_completions").isObject()) {
      data.put("suggestions", completions[0]);
      data.put("acceptances", completions[1]);
      data.put("linesSuggested", completions[2]);
      data.put("linesAccepted", completions[3]);
    }
    long chats = 0;
    boolean anyChat = false;
    for (String surface : List.of("copilot_ide_chat", "copilot_dotcom_chat")) {
      for (JsonNode editor : row.path(surface).path("editors")) {
        for (JsonNode model : editor.path("models")) {
          chats += model.path("total_chats").asLong(0);
          anyChat = true;
        }
      }
      for (JsonNode model : row.path(surface).path("models")) {
        chats += model.path("total_chats").asLong(0);
        anyChat = true;
      }
    }
    if (anyChat) {
      data.put("chats", chats);
    }
    add(where, data);
  }

  /** One row of an organization- or enterprise-level usage report. */
  void reportRow(JsonNode row, String where) {
    LocalDate day = day(row, "day", where);
    if (day == null) {
      return;
    }
    ObjectNode data = data(day);
    putCount(data, "activeUsers", row, "daily_active_users", where);
    putCount(data, "suggestions", row, "code_generation_activity_count", where);
    putCount(data, "acceptances", row, "code_acceptance_activity_count", where);
    putCount(data, "linesSuggested", row, "loc_suggested_to_add_sum", where);
    putCount(data, "linesAccepted", row, "loc_added_sum", where);
    putCount(data, "linesRemoved", row, "loc_deleted_sum", where);
    add(where, data);
  }

  private LocalDate day(JsonNode row, String field, String where) {
    if (row == null || !row.isObject()) {
      problems.add(where + ": not a day (an object)");
      return null;
    }
    String text = VendorDays.text(row, field);
    try {
      if (text != null) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(where + ": " + field + ": " + (text == null ? "missing" : "not a day: " + text));
    return null;
  }

  private ObjectNode data(LocalDate day) {
    ObjectNode data = CanonicalEventBuilder.data();
    data.put("tool", "copilot");
    data.put("account", account);
    data.put("day", day.toString());
    return data;
  }

  /** A count of the vendor's {@code row.vendorField} as {@code field}; a negative one is named. */
  private void putCount(
      ObjectNode data, String field, JsonNode row, String vendorField, String where) {
    JsonNode value = row.path(vendorField);
    if (!value.isIntegralNumber()) {
      return;
    }
    if (value.asLong() < 0) {
      problems.add(
          where + ": " + vendorField + ": must be a non-negative integer, got " + value.asLong());
      return;
    }
    data.put(field, value.asLong());
  }

  private void add(String where, ObjectNode data) {
    VendorDays.build(
        builder,
        "org-usage:copilot:" + account + ":" + data.path("day").asText(),
        "agent.org_usage",
        now,
        data,
        where,
        events,
        problems);
  }

  /** The days read, or {@link UsageReport.Unreadable} naming every problem. */
  List<CanonicalEvent> events() {
    if (!problems.isEmpty()) {
      throw new UsageReport.Unreadable(problems);
    }
    return List.copyOf(events);
  }
}
