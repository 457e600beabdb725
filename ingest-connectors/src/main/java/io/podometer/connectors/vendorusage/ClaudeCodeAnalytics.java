package io.podometer.connectors.vendorusage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
    JsonNode page;
    try {
      page = EventCodec.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new UsageReport.Unreadable(List.of("not JSON: " + e.getOriginalMessage()));
    }
    if (page == null || !page.path("data").isArray()) {
      throw new UsageReport.Unreadable(
          List.of("data: missing; not a page of the Claude Code analytics API"));
    }
    CanonicalEventBuilder builder =
        new CanonicalEventBuilder(new EventCodec(), "claude-code-analytics");
    List<String> problems = new ArrayList<>();
    List<CanonicalEvent> events = new ArrayList<>();
    int index = 0;
    for (JsonNode record : page.path("data")) {
      String where = "data[" + index++ + "]";
      JsonNode actor = record.path("actor");
      String user = text(actor, "email_address");
      if (user == null) {
        user = text(actor, "api_key_name");
      }
      LocalDate day = null;
      String date = text(record, "date");
      try {
        day =
            date == null
                ? null
                : LocalDate.parse(date.length() >= 10 ? date.substring(0, 10) : date);
      } catch (DateTimeParseException e) {
        // reported below
      }
      if (user == null || day == null) {
        problems.add(
            where
                + (user == null
                    ? ": actor: neither email_address nor api_key_name"
                    : ": date: not a day (" + date + ")"));
        continue;
      }
      JsonNode core = record.path("core_metrics");
      ObjectNode data = CanonicalEventBuilder.data();
      data.put("tool", "claude_code");
      data.put("user", user);
      data.put("day", day.toString());
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
      List<EventProblem> invalid = new ArrayList<>();
      CanonicalEvent event =
          builder.build(
              "usage:claude_code:" + user + ":" + day,
              "agent.usage",
              endOf(day, now),
              null,
              null,
              data,
              index,
              invalid);
      if (event == null) {
        invalid.forEach(p -> problems.add(where + ": " + p.field() + ": " + p.reason()));
      } else {
        events.add(event);
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageReport.Unreadable(problems);
    }
    String next = page.path("has_more").asBoolean(false) ? text(page, "next_page") : null;
    return new UsageReport(List.copyOf(events), next);
  }

  /** A day's report holds as of the day's end, or now while the day lasts. */
  static Instant endOf(LocalDate day, Instant now) {
    Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    return end.isAfter(now) ? now : end;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
  }
}
