package io.podometer.connectors.vendorusage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
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
 * linesAccepted and linesAdded, lines deleted → linesRemoved, the CLI's sessions and tokens. An
 * organization- or enterprise-level row ({@code daily_active_users}, no {@code user_login}) stays
 * the organization's: an {@code agent.org_usage} day ({@link CopilotOrgDays}).
 */
public final class CopilotUserReport {

  private CopilotUserReport() {}

  /**
   * @throws UsageReport.Unreadable naming every line and field that cannot be read
   */
  public static UsageReport read(String ndjson, Instant now) {
    return read(ndjson, now, null);
  }

  /**
   * @param account the organization or enterprise an organization-level row is of; null: named from
   *     the row's {@code organization_id} or {@code enterprise_id}
   * @throws UsageReport.Unreadable naming every line and field that cannot be read
   */
  public static UsageReport read(String ndjson, Instant now, String account) {
    VendorDays days = new VendorDays("copilot", now);
    List<CanonicalEvent> orgDays = new ArrayList<>();
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
      List<JsonNode> rows = new ArrayList<>();
      if (row != null && row.isArray()) {
        row.forEach(rows::add);
      } else {
        rows.add(row);
      }
      for (JsonNode one : rows) {
        if (one != null && !one.has("user_login") && one.path("day_totals").isArray()) {
          // a 28-day organization report may total each day under day_totals
          for (JsonNode total : one.get("day_totals")) {
            if (total.isObject()) {
              ObjectNode day = ((ObjectNode) total).deepCopy();
              for (String id : List.of("organization_id", "enterprise_id")) {
                if (one.has(id) && !day.has(id)) {
                  day.set(id, one.get(id));
                }
              }
              orgDay(day, where, account, now, orgDays, days.problems);
            }
          }
        } else if (isOrganizationRow(one)) {
          orgDay(one, where, account, now, orgDays, days.problems);
        } else {
          add(one, where, days);
        }
      }
    }
    UsageReport people = days.report(null);
    List<CanonicalEvent> all = new ArrayList<>(people.events());
    all.addAll(orgDays);
    return new UsageReport(List.copyOf(all), null);
  }

  /** A row of the organization or enterprise as a whole: active users counted, no user named. */
  private static boolean isOrganizationRow(JsonNode row) {
    return row != null
        && row.isObject()
        && !row.has("user_login")
        && (row.has("daily_active_users") || row.has("monthly_active_users"));
  }

  private static void orgDay(
      JsonNode row,
      String where,
      String account,
      Instant now,
      List<CanonicalEvent> to,
      List<String> problems) {
    String named = account;
    if (named == null) {
      String org = VendorDays.text(row, "organization_id");
      String enterprise = VendorDays.text(row, "enterprise_id");
      if (org == null && row.path("organization_id").isNumber()) {
        org = row.get("organization_id").asText();
      }
      if (enterprise == null && row.path("enterprise_id").isNumber()) {
        enterprise = row.get("enterprise_id").asText();
      }
      named =
          org != null
              ? "organization:" + org
              : enterprise != null ? "enterprise:" + enterprise : null;
    }
    if (named == null) {
      problems.add(where + ": an organization-level row without organization_id or enterprise_id");
      return;
    }
    CopilotOrgDays read = new CopilotOrgDays(named, now);
    read.reportRow(row, where);
    try {
      to.addAll(read.events());
    } catch (UsageReport.Unreadable e) {
      problems.addAll(e.problems());
    }
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
