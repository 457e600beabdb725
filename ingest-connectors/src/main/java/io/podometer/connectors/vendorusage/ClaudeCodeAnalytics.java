package io.podometer.connectors.vendorusage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A page of Claude Code's analytics API ({@code GET /v1/organizations/usage_report/claude_code}):
 * one record per person and day — {@code actor} (an e-mail, or an API key's name), {@code
 * core_metrics} (sessions, lines added and removed, commits and pull requests by Claude Code),
 * {@code tool_actions} (accepted and rejected proposals per editing tool), {@code model_breakdown}
 * (tokens and estimated cost in cents per model) — as whole-day {@code agent.usage} events of tool
 * {@code claude_code}, id {@code usage:claude_code:<user>:<day>}: a re-fetched day replaces the
 * earlier one, and the day's report stands over its telemetry's parts.
 */
public final class ClaudeCodeAnalytics {

  private ClaudeCodeAnalytics() {}

  /**
   * @throws UsageReport.Unreadable naming every record and field that cannot be read
   */
  public static UsageReport read(String json, Instant now) {
    JsonNode page = VendorDays.rows(json, "not a page of the Claude Code analytics API");
    VendorDays days = new VendorDays("claude-code-analytics", now);
    int index = 0;
    for (JsonNode record : page.path("data")) {
      String where = "data[" + index++ + "]";
      JsonNode actor = record.path("actor");
      String user = VendorDays.text(actor, "email_address");
      if (user == null) {
        user = VendorDays.text(actor, "api_key_name");
      }
      LocalDate day = null;
      String date = VendorDays.text(record, "date");
      try {
        day =
            date == null
                ? null
                : LocalDate.parse(date.length() >= 10 ? date.substring(0, 10) : date);
      } catch (DateTimeParseException e) {
        // reported below
      }
      if (user == null || day == null) {
        days.problems.add(
            where
                + (user == null
                    ? ": actor: neither email_address nor api_key_name"
                    : ": date: not a day (" + date + ")"));
        continue;
      }
      JsonNode core = record.path("core_metrics");
      ObjectNode data = VendorDays.data("claude_code", user, day);
      long sessions = core.path("num_sessions").asLong(0);
      long added = core.path("lines_of_code").path("added").asLong(0);
      data.put("active", sessions > 0 || added > 0);
      data.put("sessions", sessions);
      data.put("linesAdded", added);
      data.put("linesRemoved", core.path("lines_of_code").path("removed").asLong(0));
      data.put("commits", core.path("commits_by_claude_code").asLong(0));
      data.put("pullRequests", core.path("pull_requests_by_claude_code").asLong(0));
      long accepted = 0;
      long rejected = 0;
      for (JsonNode tool : record.path("tool_actions")) {
        accepted += tool.path("accepted").asLong(0);
        rejected += tool.path("rejected").asLong(0);
      }
      data.put("editAccepts", accepted);
      data.put("editRejects", rejected);
      long tokens = 0;
      BigDecimal cents = BigDecimal.ZERO;
      boolean priced = false;
      for (JsonNode model : record.path("model_breakdown")) {
        for (JsonNode count : model.path("tokens")) {
          tokens += count.asLong(0);
        }
        JsonNode cost = model.path("estimated_cost");
        // only dollars add up to costUsd; another currency is left out rather than mixed in
        if (cost.path("currency").asText("USD").toUpperCase(Locale.ROOT).equals("USD")
            && cost.path("amount").isNumber()) {
          cents = cents.add(cost.path("amount").decimalValue());
          priced = true;
        }
      }
      data.put("tokens", tokens);
      if (priced) {
        data.put("costUsd", cents.movePointLeft(2).doubleValue());
      }
      days.add(where, data);
    }
    return days.report(
        page.path("has_more").asBoolean(false) ? VendorDays.text(page, "next_page") : null);
  }
}
