package io.podometer.connectors.vendorusage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.EventCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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
    VendorDays days = new VendorDays("copilot", now);
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
        days.problems.add(where + ": not JSON: " + e.getOriginalMessage());
        continue;
      }
      // a report file may also come as one JSON array of rows (the documented examples)
      if (row != null && row.isArray()) {
        row.forEach(one -> add(one, where, days));
      } else {
        add(row, where, days);
      }
    }
    return days.report(null);
  }

  private static void add(JsonNode row, String where, VendorDays days) {
    if (row == null || !row.isObject()) {
      days.problems.add(where + ": not a report row (an object)");
      return;
    }
    String login = VendorDays.text(row, "user_login");
    String date = VendorDays.text(row, "day");
    LocalDate day = null;
    try {
      day = date == null ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (login == null || day == null) {
      days.problems.add(
          where
              + (login == null
                  ? ": user_login: missing (an organization-level row? read users-1-day reports)"
                  : ": day: not a day (" + date + ")"));
      return;
    }
    ObjectNode data = VendorDays.data("copilot", login, day);
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
    days.add(where, data);
  }
}
