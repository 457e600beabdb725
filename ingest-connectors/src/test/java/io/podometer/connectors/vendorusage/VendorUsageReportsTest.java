package io.podometer.connectors.vendorusage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page of Claude Code's analytics API and a Cursor daily usage answer, shaped as the vendors
 * document them, as whole-day usage events; expectations computed by hand from the files.
 */
class VendorUsageReportsTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private static String file(String name) {
    try (InputStream in =
        VendorUsageReportsTest.class.getResourceAsStream("/vendorusage/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EventData.AgentUsage usage(CanonicalEvent event) {
    return (EventData.AgentUsage) event.data();
  }

  @Test
  void aClaudeCodeAnalyticsPageGivesEachPersonsDay() {
    UsageReport page = ClaudeCodeAnalytics.read(file("claude-code-analytics-page.json"), NOW);
    assertEquals(2, page.events().size());
    CanonicalEvent ana = page.events().get(0);
    assertEquals("usage:claude_code:ana@acme.example:2026-03-02", ana.id());
    assertEquals(NOW, ana.occurredAt()); // when it was read
    EventData.AgentUsage day = usage(ana);
    assertEquals("claude_code", day.tool());
    assertNull(day.period(), "a whole day's report");
    assertEquals(5, day.sessions());
    assertEquals(1543, day.linesAdded());
    assertEquals(892, day.linesRemoved());
    assertEquals(12, day.commits());
    assertEquals(2, day.pullRequests());
    assertEquals(68, day.editAccepts()); // 45 + 12 + 8 + 3
    assertEquals(8, day.editRejects()); // 5 + 2 + 1 + 0
    assertEquals(174_000L, day.tokens()); // 100,000 + 35,000 + 10,000 + 5,000 + 20,000 + 4,000
    assertEquals(10.62, day.costUsd(), 1e-9); // (1,025 + 37) cents
    assertTrue(day.active());
    // an API key's day, with nothing done: named by the key, not active, no cost
    EventData.AgentUsage key = usage(page.events().get(1));
    assertEquals("ci-review-bot", key.user());
    assertFalse(key.active());
    assertNull(key.costUsd());
    assertEquals("page_MjAyNi0wMy0wMlQwMDowMDowMFo", page.nextPage());
  }

  @Test
  void aRecordWithoutActorOrDayIsNamedAndThePageRefused() {
    String broken =
        file("claude-code-analytics-page.json")
            .replace("\"email_address\": \"ana@acme.example\"", "\"email_address\": \"\"")
            .replace(
                "\"date\": \"2026-03-02T00:00:00Z\",\n      \"actor\": {\"type\": \"api_actor\"",
                "\"date\": \"yesterday\",\n      \"actor\": {\"type\": \"api_actor\"");
    UsageReport.Unreadable e =
        assertThrows(UsageReport.Unreadable.class, () -> ClaudeCodeAnalytics.read(broken, NOW));
    assertEquals(
        java.util.List.of(
            "data[0]: actor: neither email_address nor api_key_name",
            "data[1]: date: not a day (yesterday)"),
        e.problems());
    assertThrows(UsageReport.Unreadable.class, () -> ClaudeCodeAnalytics.read("[]", NOW));
  }

  @Test
  void cursorsDailyUsageGivesEachMembersDay() {
    UsageReport page = CursorDailyUsage.read(file("cursor-daily-usage.json"), NOW);
    assertEquals(2, page.events().size());
    CanonicalEvent ana = page.events().get(0);
    assertEquals("usage:cursor:ana@acme.example:2026-03-02", ana.id());
    EventData.AgentUsage day = usage(ana);
    assertEquals("cursor", day.tool());
    assertEquals(342, day.suggestions()); // tabs shown
    assertEquals(289, day.acceptances()); // tabs accepted
    assertEquals(1543, day.linesSuggested());
    assertEquals(1102, day.linesAccepted());
    assertEquals(1102, day.linesAdded());
    assertEquals(645, day.linesRemoved());
    assertEquals(73, day.editAccepts());
    assertEquals(14, day.editRejects());
    assertTrue(day.active());
    assertFalse(usage(page.events().get(1)).active(), "a seat unused that day says so");
    assertNull(page.nextPage());
  }

  @Test
  void copilotsUserReportGivesEachUsersDayAndItsGapsStayMissing() {
    UsageReport day = CopilotUserReport.read(file("copilot-users-1-day.ndjson"), NOW);
    assertEquals(2, day.events().size());
    CanonicalEvent ana = day.events().get(0);
    assertEquals("usage:copilot:ana-l:2026-03-02", ana.id());
    EventData.AgentUsage usage = usage(ana);
    assertEquals("copilot", usage.tool());
    assertEquals(12, usage.suggestions()); // code_generation_activity_count
    assertEquals(9, usage.acceptances()); // code_acceptance_activity_count
    assertEquals(40, usage.linesSuggested());
    assertEquals(32, usage.linesAccepted());
    assertEquals(32, usage.linesAdded());
    assertEquals(6, usage.linesRemoved());
    assertEquals(2, usage.sessions()); // the CLI's
    assertEquals(8_800L, usage.tokens()); // 3,800 prompt + 5,000 output
    assertNull(usage(day.events().get(1)).tokens(), "no CLI use: no tokens, not 0");
    // the 28-day file has no row for 3 March: that day stays missing, not a zero
    UsageReport month = CopilotUserReport.read(file("copilot-users-28-day.ndjson"), NOW);
    assertEquals(
        java.util.List.of("usage:copilot:ana-l:2026-03-02", "usage:copilot:ana-l:2026-03-04"),
        month.events().stream().map(CanonicalEvent::id).toList());
  }

  @Test
  void anOrganizationLevelRowIsNeverTakenForAUser() {
    // no organization named by the row or by the import: refused, naming why
    UsageReport.Unreadable e =
        assertThrows(
            UsageReport.Unreadable.class,
            () ->
                CopilotUserReport.read(
                    "{\"day\":\"2026-03-02\",\"daily_active_users\":14}\n", NOW));
    assertEquals(
        List.of("line 1: an organization-level row without organization_id or enterprise_id"),
        e.problems());
    // named: the organization's day, no person's
    List<CanonicalEvent> read =
        CopilotUserReport.read("{\"day\":\"2026-03-02\",\"daily_active_users\":14}\n", NOW, "acme")
            .events();
    assertEquals(1, read.size());
    assertEquals("agent.org_usage", read.get(0).type().wireName());
    // a row with neither a user nor organization-level counts is still refused as a user's
    UsageReport.Unreadable noUser =
        assertThrows(
            UsageReport.Unreadable.class,
            () -> CopilotUserReport.read("{\"day\":\"2026-03-02\",\"loc_added_sum\":3}\n", NOW));
    assertTrue(
        noUser.problems().get(0).startsWith("line 1: user_login: missing"),
        noUser.problems().get(0));
  }

  @Test
  void aDayFetchedAgainLaterIsItsNewestRevision() {
    // fetched just after midnight with 9 sessions, again later with the whole day's 12: the later
    // one wins — not the payload that happens to sort after the other
    String page = file("claude-code-analytics-page.json");
    CanonicalEvent early =
        ClaudeCodeAnalytics.read(
                page.replace("\"num_sessions\": 5", "\"num_sessions\": 9"),
                Instant.parse("2026-03-03T00:05:00Z"))
            .events()
            .get(0);
    CanonicalEvent late =
        ClaudeCodeAnalytics.read(
                page.replace("\"num_sessions\": 5", "\"num_sessions\": 12"),
                Instant.parse("2026-03-03T09:00:00Z"))
            .events()
            .get(0);
    assertEquals(early.id(), late.id());
    io.podometer.engine.fact.FoldedFact day =
        new io.podometer.engine.fact.FactFolder()
            .fold(io.podometer.engine.event.FactKey.of(late), java.util.List.of(late, early));
    assertEquals(12, day.as(EventData.AgentUsage.class).sessions());
  }
}
