package io.podometer.connectors.vendorusage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventData.AgentOrgUsage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An organization's days of Copilot, people not told apart: a file of the older {@code
 * /copilot/metrics} (copilot-metrics-history.json, shaped like GitHub's documented answer: two
 * editors, a custom model, IDE and github.com chats; 2026-03-03 missing) and a row of the
 * organization-level usage report (copilot-organization-1-day.ndjson).
 */
class CopilotOrgDaysTest {

  private static final Instant READ = Instant.parse("2026-03-10T12:00:00Z");

  private static String file(String name) throws IOException {
    try (InputStream in = CopilotOrgDaysTest.class.getResourceAsStream("/vendorusage/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theOlderMetricsFileGivesTheOrganizationsDays() throws IOException {
    List<CanonicalEvent> days =
        CopilotOrgDays.readMetricsFile(file("copilot-metrics-history.json"), "acme", READ);
    assertEquals(
        List.of("org-usage:copilot:acme:2026-03-02", "org-usage:copilot:acme:2026-03-04"),
        days.stream().map(CanonicalEvent::id).toList());
    // suggestions 249 + 496 + 112 = 857; acceptances 123 + 253 + 56 = 432;
    // lines suggested 225 + 520 + 143 = 888; accepted 135 + 270 + 61 = 466; chats 45 + 38 = 83
    assertEquals(
        new AgentOrgUsage(
            "copilot",
            "acme",
            LocalDate.parse("2026-03-02"),
            24,
            20,
            857L,
            432L,
            888L,
            466L,
            null,
            83L),
        days.get(0).data());
    // a day with only its totals: no completion or chat counts invented; 03-03 stays missing
    assertEquals(
        new AgentOrgUsage(
            "copilot",
            "acme",
            LocalDate.parse("2026-03-04"),
            3,
            0,
            null,
            null,
            null,
            null,
            null,
            null),
        days.get(1).data());
    assertEquals(READ, days.get(0).occurredAt());
  }

  @Test
  void anOrganizationRowOfTheUsageReportStaysTheOrganizations() throws IOException {
    UsageReport report =
        CopilotUserReport.read(file("copilot-organization-1-day.ndjson"), READ, null);
    assertEquals(1, report.events().size());
    CanonicalEvent day = report.events().get(0);
    assertEquals("org-usage:copilot:organization:4021:2026-03-02", day.id());
    assertEquals(
        new AgentOrgUsage(
            "copilot",
            "organization:4021",
            LocalDate.parse("2026-03-02"),
            17,
            null,
            1210L,
            402L,
            2380L,
            1012L,
            233L,
            null),
        day.data());
    // named by the organization when the import says which it is
    assertEquals(
        "org-usage:copilot:acme:2026-03-02",
        CopilotUserReport.read(file("copilot-organization-1-day.ndjson"), READ, "acme")
            .events()
            .get(0)
            .id());
  }

  @Test
  void everyBadDayIsNamed() {
    UsageReport.Unreadable refused =
        assertThrows(
            UsageReport.Unreadable.class,
            () ->
                CopilotOrgDays.readMetricsFile(
                    "[{\"total_active_users\":3},{\"date\":\"March\"},7,"
                        + "{\"date\":\"2026-03-02\",\"total_active_users\":-1}]",
                    "acme",
                    READ));
    assertEquals(
        List.of(
            "[0]: date: missing",
            "[1]: date: not a day: March",
            "[2]: not a day (an object)",
            "[3]: total_active_users: must be a non-negative integer, got -1"),
        refused.problems());
  }
}
