package io.podometer.connectors.vendorusage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventData.AgentSeat;
import io.podometer.engine.event.EventData.AgentUsage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GitHub's seat list read as seats (copilot-seats-page.json, shaped like the documented answer of
 * {@code GET /orgs/{org}/copilot/billing/seats}): offsets in timestamps, a never-active seat, a
 * pending cancellation, a seat assigned to the organization itself; an enterprise's rows of one
 * user merged; the seats a listing leaves out ended, for its own account only.
 */
class SeatListingTest {

  private static final Instant AT = Instant.parse("2026-03-10T06:00:00Z");

  private static String page() throws IOException {
    try (InputStream in =
        SeatListingTest.class.getResourceAsStream("/vendorusage/copilot-seats-page.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void githubsPageBecomesSeatsAndDaysOfUse() throws IOException {
    SeatListing listing = new SeatListing();
    assertEquals(4, listing.addPage(page()));
    assertEquals(1, listing.notAPerson()); // the organization's own seat
    assertEquals(
        List.of(
            new SeatListing.Seat(
                "ana-l",
                Instant.parse("2026-01-05T15:00:00Z"), // 09:00 at -06:00
                Instant.parse("2026-03-03T16:00:00Z"),
                "vscode/1.98.0/copilot/1.280.0",
                null),
            new SeatListing.Seat("bo-k", Instant.parse("2026-01-05T15:00:00Z"), null, null, null),
            new SeatListing.Seat(
                "cy-m",
                Instant.parse("2026-01-05T15:00:00Z"),
                Instant.parse("2026-02-01T12:00:00Z"),
                "JetBrains-IC/241.15989.150/copilot-intellij/1.5.9.5739",
                LocalDate.parse("2026-04-01"))),
        listing.seats());
    List<CanonicalEvent> events = listing.events("copilot", "acme", AT, List.of(), null);
    assertEquals(
        List.of(
            "seat:copilot:ana-l agent.seat 2026-03-10T06:00:00Z",
            "seat-activity:copilot:ana-l:2026-03-03 agent.usage 2026-03-03T16:00:00Z",
            "seat:copilot:bo-k agent.seat 2026-03-10T06:00:00Z",
            "seat:copilot:cy-m agent.seat 2026-03-10T06:00:00Z",
            "seat-activity:copilot:cy-m:2026-02-01 agent.usage 2026-02-01T12:00:00Z"),
        events.stream()
            .map(e -> e.id() + " " + e.type().wireName() + " " + e.occurredAt())
            .toList());
    AgentSeat cy = (AgentSeat) events.get(3).data();
    assertEquals("acme", cy.account());
    assertEquals(LocalDate.parse("2026-04-01"), cy.endsOn());
    // known unused since its last activity; bo's never active: unused since his assignment
    assertEquals(LocalDate.parse("2026-02-01"), cy.usageKnownFrom());
    assertEquals(
        LocalDate.parse("2026-01-05"), ((AgentSeat) events.get(2).data()).usageKnownFrom());
    assertEquals(AT, cy.listedAt());
    assertEquals(
        LocalDate.parse("2026-03-03"), ((AgentSeat) events.get(0).data()).usageKnownFrom());
    // with the tool's reports on record from 02-10, ana's use is known from then
    List<CanonicalEvent> reported =
        listing.events("copilot", "acme", AT, List.of(), LocalDate.parse("2026-02-10"));
    assertEquals(
        LocalDate.parse("2026-02-10"), ((AgentSeat) reported.get(0).data()).usageKnownFrom());
    assertEquals(
        LocalDate.parse("2026-02-01"), ((AgentSeat) reported.get(3).data()).usageKnownFrom());
    AgentUsage day = (AgentUsage) events.get(1).data();
    // a piece of the day that a whole-day report stands over
    assertEquals("part", day.period());
    assertEquals(Boolean.TRUE, day.active());
    assertEquals(0, SeatListing.removed(events));
  }

  @Test
  void anEnterprisesRowsOfOneUserAreOneSeat() {
    SeatListing listing = new SeatListing();
    // granted through two organizations: the earliest grant, the latest activity; it ends only
    // when every grant does
    listing.addPage(
        "{\"total_seats\":1,\"seats\":["
            + "{\"created_at\":\"2026-02-01T00:00:00Z\",\"last_activity_at\":\"2026-03-01T08:00:00Z\","
            + "\"last_activity_editor\":\"vscode\",\"pending_cancellation_date\":\"2026-04-01\","
            + "\"assignee\":{\"login\":\"Ana-L\",\"type\":\"User\"}},"
            + "{\"created_at\":\"2026-01-10T00:00:00Z\",\"last_activity_at\":\"2026-02-01T08:00:00Z\","
            + "\"last_activity_editor\":\"vim\",\"pending_cancellation_date\":null,"
            + "\"assignee\":{\"login\":\"ana-l\",\"type\":\"User\"}}]}");
    assertEquals(
        List.of(
            new SeatListing.Seat(
                "Ana-L",
                Instant.parse("2026-01-10T00:00:00Z"),
                Instant.parse("2026-03-01T08:00:00Z"),
                "vscode",
                null)),
        listing.seats());
  }

  @Test
  void seatsOfTheAccountLeftOutEndAndOtherAccountsAreLeftAlone() {
    Instant assigned = Instant.parse("2026-01-05T15:00:00Z");
    List<AgentSeat> known =
        List.of(
            new AgentSeat("copilot", "ana-l", "acme", assigned, null, null, null, null, null, null),
            new AgentSeat("copilot", "bo-k", "acme", assigned, null, null, null, null, null, null),
            // already ended, another account's, another tool's: untouched
            new AgentSeat("copilot", "old-x", "acme", assigned, null, null, null, AT, null, null),
            new AgentSeat(
                "copilot", "dee-s", "acme-labs", assigned, null, null, null, null, null, null),
            new AgentSeat("cursor", "eli-t", "acme", assigned, null, null, null, null, null, null));
    SeatListing listing = new SeatListing();
    listing.addPage("{\"seats\":[{\"user\":\"ANA-L\",\"assignedAt\":\"2026-01-05T15:00:00Z\"}]}");
    List<CanonicalEvent> events = listing.events("copilot", "acme", AT, known, null);
    assertEquals(1, SeatListing.removed(events));
    AgentSeat bo = (AgentSeat) events.get(1).data();
    assertEquals("bo-k", bo.user());
    assertEquals(AT, bo.removedAt());
    assertEquals(assigned, bo.assignedAt());
    assertEquals("seat:copilot:bo-k", events.get(1).id());
  }

  @Test
  void aSeatListedAgainAfterItsRemovalIsHeldAgainAndWhatWasKnownStaysKnown() {
    Instant assigned = Instant.parse("2026-01-05T15:00:00Z");
    Instant removed = Instant.parse("2026-02-01T06:00:00Z");
    AgentSeat gone =
        new AgentSeat(
            "copilot",
            "bo-k",
            "acme",
            assigned,
            null,
            null,
            null,
            removed,
            LocalDate.parse("2026-01-20"),
            Instant.parse("2026-01-31T06:00:00Z"));
    assertEquals(LocalDate.parse("2026-02-01"), gone.endDay(java.time.ZoneOffset.UTC));
    SeatListing listing = new SeatListing();
    listing.addPage(
        "{\"seats\":[{\"user\":\"bo-k\",\"assignedAt\":\"2026-01-05T15:00:00Z\","
            + "\"lastActivityAt\":\"2026-03-08T10:00:00Z\"}]}");
    AgentSeat again =
        (AgentSeat) listing.events("copilot", "acme", AT, List.of(gone), null).get(0).data();
    // its listing outdates the removal (the fact keeps removedAt: fields merge, never erase)
    AgentSeat merged =
        new AgentSeat(
            "copilot",
            "bo-k",
            "acme",
            assigned,
            again.lastActivityAt(),
            null,
            null,
            removed,
            again.usageKnownFrom(),
            again.listedAt());
    assertEquals(null, merged.endDay(java.time.ZoneOffset.UTC));
    // known from 01-20 before: still, though its last activity alone would say 03-08
    assertEquals(LocalDate.parse("2026-01-20"), again.usageKnownFrom());
  }

  @Test
  void aPartialListingIsNamed() {
    SeatListing listing = new SeatListing();
    StringBuilder page = new StringBuilder("{\"total_seats\":150,\"seats\":[");
    for (int i = 0; i < 100; i++) {
      page.append(i == 0 ? "" : ",")
          .append("{\"created_at\":\"2026-01-05T15:00:00Z\",\"assignee\":{\"login\":\"dev-")
          .append(i)
          .append("\",\"type\":\"User\"}}");
    }
    listing.addPage(page.append("]}").toString());
    assertEquals(
        "the pages hold 100 seats of the 150 GitHub counts (total_seats): read every page of the"
            + " list",
        listing.incomplete());
  }

  @Test
  void everyProblemIsNamedBySeatAndField() {
    SeatListing listing = new SeatListing();
    SeatListing.Unreadable refused =
        assertThrows(
            SeatListing.Unreadable.class,
            () ->
                listing.addPage(
                    "{\"seats\":[{\"assignee\":{\"type\":\"User\"},\"created_at\":\"2026-01-05\"},"
                        + "{\"user\":\"bo-k\",\"assignedAt\":\"2026-01-05T15:00:00Z\","
                        + "\"lastActivityAt\":\"soon\",\"endsOn\":\"2026-02-30\"}, 7]}"));
    assertEquals(
        List.of(
            "seats[0].assignee.login: missing",
            "seats[0].created_at: not a timestamp with an offset: 2026-01-05",
            "seats[1].lastActivityAt: not a timestamp with an offset: soon",
            "seats[1].endsOn: not a day (YYYY-MM-DD): 2026-02-30",
            "seats[2]: not a seat (an object)"),
        refused.problems());
    // nothing of a refused page is kept
    assertEquals(List.of(), listing.seats());
    String notJson =
        assertThrows(SeatListing.Unreadable.class, () -> listing.addPage("{\"seats\":["))
            .problems()
            .get(0);
    org.junit.jupiter.api.Assertions.assertTrue(
        notJson.startsWith("not JSON: Unexpected end-of-input"), notJson);
  }
}
