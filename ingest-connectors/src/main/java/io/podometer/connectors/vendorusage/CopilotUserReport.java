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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of GitHub Copilot's usage-metrics reports at user level ({@code users-1-day}, {@code
 * users-28-day}: NDJSON, one row per user and day, behind the report's {@code download_links}) as
 * whole-day {@code agent.usage} events of tool {@code copilot}, id {@code
 * usage:copilot:<login>:<day>} — a re-fetched day replaces the earlier one; a day without a row
 * stays missing (GitHub leaves out days it has no data for). Counted: code generations →
 * suggestions, acceptances → acceptances, lines suggested to add → linesSuggested, lines added →
 * linesAccepted and linesAdded, lines deleted → linesRemoved, the CLI's sessions and tokens.
 */
public final class CopilotUserReport {

  private CopilotUserReport() {}

  /**
   * @throws UsageReport.Unreadable naming every line and field that cannot be read
   */
  public static UsageReport read(String ndjson, Instant now) {
    CanonicalEventBuilder builder = new CanonicalEventBuilder(new EventCodec(), "copilot");
    List<String> problems = new ArrayList<>();
    List<CanonicalEvent> events = new ArrayList<>();
    int number = 0;
    for (String line : ndjson.split("\r?\n")) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String where = "line " + number;
      JsonNode row;
      try {
        row = EventCodec.mapper().readTree(line);
      } catch (JsonProcessingException e) {
        problems.add(where + ": not JSON: " + e.getOriginalMessage());
        continue;
      }
      // a report file may also come as one JSON array of rows (the documented examples)
      List<JsonNode> rows = new ArrayList<>();
      if (row != null && row.isArray()) {
        row.forEach(rows::add);
      } else {
        rows.add(row);
      }
      for (JsonNode one : rows) {
        CanonicalEvent event = event(one, where, now, builder, problems);
        if (event != null) {
          events.add(event);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageReport.Unreadable(problems);
    }
    return new UsageReport(List.copyOf(events), null);
  }

  private static CanonicalEvent event(
      JsonNode row,
      String where,
      Instant now,
      CanonicalEventBuilder builder,
      List<String> problems) {
    if (row == null || !row.isObject()) {
      problems.add(where + ": not a report row (an object)");
      return null;
    }
    String login = ClaudeCodeAnalytics.text(row, "user_login");
    String date = ClaudeCodeAnalytics.text(row, "day");
    LocalDate day = null;
    try {
      day = date == null ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (login == null || day == null) {
      problems.add(
          where
              + (login == null
                  ? ": user_login: missing (an organization-level row? read users-1-day reports)"
                  : ": day: not a day (" + date + ")"));
      return null;
    }
    ObjectNode data = CanonicalEventBuilder.data();
    data.put("tool", "copilot");
    data.put("user", login);
    data.put("day", day.toString());
    data.put("active", true); // a user has a row for a day they used Copilot
    data.put("suggestions", row.path("code_generation_activity_count").asLong(0));
    data.put("acceptances", row.path("code_acceptance_activity_count").asLong(0));
    data.put("linesSuggested", row.path("loc_suggested_to_add_sum").asLong(0));
    data.put("linesAccepted", row.path("loc_added_sum").asLong(0));
    data.put("linesAdded", row.path("loc_added_sum").asLong(0));
    data.put("linesRemoved", row.path("loc_deleted_sum").asLong(0));
    JsonNode cli = row.path("totals_by_cli");
    if (cli.isObject()) {
      data.put("sessions", cli.path("session_count").asLong(0));
      JsonNode tokens = cli.path("token_usage");
      data.put(
          "tokens",
          tokens.path("prompt_tokens_sum").asLong(0) + tokens.path("output_tokens_sum").asLong(0));
    }
    List<EventProblem> invalid = new ArrayList<>();
    CanonicalEvent event =
        builder.build(
            "usage:copilot:" + login + ":" + day,
            "agent.usage",
            ClaudeCodeAnalytics.endOf(day, now),
            null,
            null,
            data,
            0,
            invalid);
    invalid.forEach(p -> problems.add(where + ": " + p.field() + ": " + p.reason()));
    return event;
  }
}
