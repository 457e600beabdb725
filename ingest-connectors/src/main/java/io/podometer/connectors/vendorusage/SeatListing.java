package io.podometer.connectors.vendorusage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventData.AgentSeat;
import io.podometer.engine.event.EventLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The seats of one agent tool billed to one account (a GitHub organization or enterprise…) as
 * listed at a moment: the whole list, so a seat the account held before and no longer lists has
 * ended. Read from GitHub's own seat pages ({@code GET /orgs/{org}/copilot/billing/seats}: {@code
 * assignee.login}, {@code created_at}, {@code last_activity_at}, {@code last_activity_editor},
 * {@code pending_cancellation_date}) or from Podometer's listing ({@code
 * {"seats":[{"user","assignedAt","lastActivityAt","lastActivityEditor","endsOn"}]}}).
 *
 * <p>An enterprise lists a user once per organization or team that grants the seat: those rows are
 * one seat (the earliest grant, the latest activity; it ends only when every grant does). A seat
 * assigned to something other than a user (an organization, a team of old) is no one's seat and is
 * counted apart.
 */
public final class SeatListing {

  /** One person's seat as listed. */
  public record Seat(
      String user,
      Instant assignedAt,
      Instant lastActivityAt,
      String lastActivityEditor,
      LocalDate endsOn) {}

  /** A listing that cannot be read: every problem, by seat and field. */
  public static final class Unreadable extends RuntimeException {
    private final List<String> problems;

    public Unreadable(List<String> problems) {
      super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems");
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  private final Map<String, Seat> seats = new LinkedHashMap<>();
  private int notAPerson;
  private int rows;
  private int expected;

  /** The seats of every page read so far, merged by user (case-insensitive). */
  public List<Seat> seats() {
    return List.copyOf(seats.values());
  }

  /** Seats assigned to something other than a user, left out. */
  public int notAPerson() {
    return notAPerson;
  }

  /**
   * Adds one page (GitHub's or Podometer's shape).
   *
   * @return how many seat rows the page had (0: the last page)
   * @throws Unreadable naming every seat and field that cannot be read; nothing of the page is kept
   */
  public int addPage(String json) {
    JsonNode page;
    try {
      page = EventCodec.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new Unreadable(List.of("not JSON: " + e.getOriginalMessage()));
    }
    if (page == null || !page.path("seats").isArray()) {
      throw new Unreadable(
          List.of(
              "seats: missing; expected a page of GitHub's seat list"
                  + " (/orgs/{org}/copilot/billing/seats) or {\"seats\":[…]}"));
    }
    List<String> problems = new ArrayList<>();
    List<Seat> read = new ArrayList<>();
    int skipped = 0;
    ArrayNode rows = (ArrayNode) page.get("seats");
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String where = "seats[" + i + "]";
      if (!row.isObject()) {
        problems.add(where + ": not a seat (an object)");
        continue;
      }
      if (row.has("assignee")) {
        JsonNode assignee = row.get("assignee");
        String type = VendorDays.text(assignee, "type");
        if (type != null && !type.equalsIgnoreCase("User")) {
          skipped++;
          continue;
        }
        Seat seat =
            seat(
                where,
                VendorDays.text(assignee, "login"),
                "assignee.login",
                row,
                "created_at",
                "last_activity_at",
                "last_activity_editor",
                "pending_cancellation_date",
                problems);
        if (seat != null) {
          read.add(seat);
        }
      } else {
        Seat seat =
            seat(
                where,
                VendorDays.text(row, "user"),
                "user",
                row,
                "assignedAt",
                "lastActivityAt",
                "lastActivityEditor",
                "endsOn",
                problems);
        if (seat != null) {
          read.add(seat);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new Unreadable(problems);
    }
    read.forEach(this::merge);
    notAPerson += skipped;
    this.rows += rows.size();
    if (page.path("total_seats").isIntegralNumber()) {
      expected = Math.max(expected, page.get("total_seats").asInt());
    }
    return rows.size();
  }

  private static Seat seat(
      String where,
      String user,
      String userField,
      JsonNode row,
      String assignedField,
      String activityField,
      String editorField,
      String endsField,
      List<String> problems) {
    int before = problems.size();
    if (user == null) {
      problems.add(where + "." + userField + ": missing");
    } else if (user.length() > EventLimits.NAME) {
      problems.add(where + "." + userField + ": longer than " + EventLimits.NAME + " characters");
    }
    Instant assigned = instant(where, row, assignedField, true, problems);
    Instant activity = instant(where, row, activityField, false, problems);
    LocalDate ends = null;
    String endsText = VendorDays.text(row, endsField);
    if (endsText != null) {
      try {
        ends = LocalDate.parse(endsText);
      } catch (DateTimeParseException e) {
        problems.add(where + "." + endsField + ": not a day (YYYY-MM-DD): " + endsText);
      }
    }
    String editor = VendorDays.text(row, editorField);
    if (problems.size() > before) {
      return null;
    }
    return new Seat(
        user, assigned, activity, CanonicalEventBuilder.upTo(editor, EventLimits.NAME), ends);
  }

  /** An ISO 8601 timestamp, with an offset ({@code -06:00}) as GitHub writes them, or Z. */
  private static Instant instant(
      String where, JsonNode row, String field, boolean required, List<String> problems) {
    String text = VendorDays.text(row, field);
    if (text == null) {
      if (required) {
        problems.add(where + "." + field + ": missing");
      }
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(where + "." + field + ": not a timestamp with an offset: " + text);
      return null;
    }
  }

  /** Two rows of one user are one seat: the earliest grant, the latest activity. */
  private void merge(Seat seat) {
    seats.merge(
        seat.user().toLowerCase(Locale.ROOT),
        seat,
        (a, b) -> {
          Seat latest =
              b.lastActivityAt() != null
                      && (a.lastActivityAt() == null
                          || b.lastActivityAt().isAfter(a.lastActivityAt()))
                  ? b
                  : a;
          LocalDate ends =
              a.endsOn() == null || b.endsOn() == null
                  ? null
                  : a.endsOn().isAfter(b.endsOn()) ? a.endsOn() : b.endsOn();
          return new Seat(
              a.user(),
              a.assignedAt().isBefore(b.assignedAt()) ? a.assignedAt() : b.assignedAt(),
              latest.lastActivityAt(),
              latest.lastActivityEditor(),
              ends);
        });
  }

  /**
   * What is missing when the pages read hold fewer rows than GitHub's {@code total_seats} says (a
   * listing ends every seat it leaves out, so a partial one must not be taken whole), or null.
   */
  public String incomplete() {
    return rows < expected
        ? "the pages hold "
            + rows
            + " seats of the "
            + expected
            + " GitHub counts (total_seats): read every page of the list"
        : null;
  }

  /** Podometer's listing of these seats, as the server takes it. */
  public String toJson() {
    ObjectNode listing = EventCodec.mapper().createObjectNode();
    ArrayNode rows = listing.putArray("seats");
    for (Seat seat : seats.values()) {
      ObjectNode row = rows.addObject();
      row.put("user", seat.user());
      row.put("assignedAt", seat.assignedAt().toString());
      if (seat.lastActivityAt() != null) {
        row.put("lastActivityAt", seat.lastActivityAt().toString());
      }
      if (seat.lastActivityEditor() != null) {
        row.put("lastActivityEditor", seat.lastActivityEditor());
      }
      if (seat.endsOn() != null) {
        row.put("endsOn", seat.endsOn().toString());
      }
    }
    return listing.toString();
  }

  /**
   * The events this listing means, given the seats of the tool already known:
   *
   * <ul>
   *   <li>{@code agent.seat} {@code seat:<tool>:<user>} per seat listed, occurred at {@code at};
   *   <li>the same event with {@code removedAt} = {@code at} for each seat of this account known
   *       and not removed that the listing leaves out;
   *   <li>for a seat with a last activity, an {@code agent.usage} piece ({@code period: part},
   *       {@code active}) of that day, id {@code seat-activity:<tool>:<user>:<day>}, occurred at
   *       the activity itself — so every day a listing saw stays a day of use after later listings
   *       move on, a listing read twice adds nothing, and a vendor's whole-day report of that day
   *       stands over it.
   * </ul>
   *
   * Each seat says from which day its use is known ({@code usageKnownFrom}, never later than a
   * listing said before): a seat never active has been unused since its assignment; one last active
   * on a day is known unused since then, and known since the tool's telemetry began ({@code
   * telemetryFrom}, the first day of that tool's usage on record, null for none) when that is
   * earlier. Each listed seat carries {@code listedAt}, which outdates an earlier removal or
   * cancellation of the seat.
   *
   * @throws Unreadable when an event breaks the contract (named by seat and field)
   */
  public List<CanonicalEvent> events(
      String tool,
      String account,
      Instant at,
      Collection<AgentSeat> known,
      LocalDate telemetryFrom) {
    CanonicalEventBuilder builder = new CanonicalEventBuilder(new EventCodec(), "seats");
    java.util.Map<String, AgentSeat> before = new java.util.HashMap<>();
    for (AgentSeat seat : known) {
      if (tool.equals(seat.tool()) && seat.user() != null) {
        before.put(seat.user().toLowerCase(Locale.ROOT), seat);
      }
    }
    List<String> problems = new ArrayList<>();
    List<CanonicalEvent> events = new ArrayList<>();
    int index = 0;
    for (Seat seat : seats.values()) {
      String where = "seats[" + index++ + "]";
      ObjectNode data = CanonicalEventBuilder.data();
      data.put("tool", tool);
      data.put("user", seat.user());
      data.put("account", account);
      data.put("assignedAt", seat.assignedAt().toString());
      if (seat.lastActivityAt() != null) {
        data.put("lastActivityAt", seat.lastActivityAt().toString());
      }
      if (seat.lastActivityEditor() != null) {
        data.put("lastActivityEditor", seat.lastActivityEditor());
      }
      if (seat.endsOn() != null) {
        data.put("endsOn", seat.endsOn().toString());
      }
      // written every time, and never later than before: a listing cannot erase a field, and the
      // days a seat's use was known stay known
      LocalDate knownFrom = knownFrom(seat, telemetryFrom);
      LocalDate assigned = seat.assignedAt().atZone(ZoneOffset.UTC).toLocalDate();
      knownFrom = knownFrom == null ? assigned : knownFrom;
      AgentSeat earlier = before.get(seat.user().toLowerCase(Locale.ROOT));
      if (earlier != null) {
        LocalDate was =
            earlier.usageKnownFrom() != null
                ? earlier.usageKnownFrom()
                : earlier.assignedAt().atZone(ZoneOffset.UTC).toLocalDate();
        knownFrom = was.isBefore(knownFrom) ? was : knownFrom;
      }
      data.put("usageKnownFrom", knownFrom.toString());
      data.put("listedAt", at.toString());
      VendorDays.build(
          builder, seatId(tool, seat.user()), "agent.seat", at, data, where, events, problems);
      if (seat.lastActivityAt() != null) {
        LocalDate day = seat.lastActivityAt().atZone(ZoneOffset.UTC).toLocalDate();
        ObjectNode use = VendorDays.data(tool, seat.user(), day);
        use.put("period", "part");
        use.put("active", true);
        VendorDays.build(
            builder,
            "seat-activity:" + tool + ":" + seat.user() + ":" + day,
            "agent.usage",
            seat.lastActivityAt(),
            use,
            where,
            events,
            problems);
      }
    }
    for (AgentSeat gone : known) {
      if (Objects.equals(gone.tool(), tool)
          && gone.account() != null
          && gone.account().equalsIgnoreCase(account)
          && gone.removedAt() == null
          && gone.user() != null
          && !seats.containsKey(gone.user().toLowerCase(Locale.ROOT))) {
        ObjectNode data = CanonicalEventBuilder.data();
        data.put("tool", tool);
        data.put("user", gone.user());
        data.put("account", account);
        data.put("assignedAt", gone.assignedAt().toString());
        if (gone.lastActivityAt() != null) {
          data.put("lastActivityAt", gone.lastActivityAt().toString());
        }
        if (gone.lastActivityEditor() != null) {
          data.put("lastActivityEditor", gone.lastActivityEditor());
        }
        if (gone.endsOn() != null) {
          data.put("endsOn", gone.endsOn().toString());
        }
        if (gone.usageKnownFrom() != null) {
          data.put("usageKnownFrom", gone.usageKnownFrom().toString());
        }
        data.put("removedAt", at.toString());
        VendorDays.build(
            builder,
            seatId(tool, gone.user()),
            "agent.seat",
            at,
            data,
            "the seat of " + gone.user() + " (no longer listed)",
            events,
            problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new Unreadable(problems);
    }
    return events;
  }

  /** The first day a seat's use is known, when later than its assignment; null otherwise. */
  static LocalDate knownFrom(Seat seat, LocalDate telemetryFrom) {
    if (seat.lastActivityAt() == null) {
      return null; // never active: unused since its assignment
    }
    LocalDate known = seat.lastActivityAt().atZone(ZoneOffset.UTC).toLocalDate();
    if (telemetryFrom != null && telemetryFrom.isBefore(known)) {
      known = telemetryFrom;
    }
    LocalDate assigned = seat.assignedAt().atZone(ZoneOffset.UTC).toLocalDate();
    return known.isAfter(assigned) ? known : null;
  }

  /** The seats no longer listed among {@code events}: those whose event ends them. */
  public static long removed(List<CanonicalEvent> events) {
    return events.stream()
        .filter(e -> e.type().wireName().equals("agent.seat"))
        .filter(e -> e.data() instanceof AgentSeat seat && seat.removedAt() != null)
        .count();
  }

  private static String seatId(String tool, String user) {
    return "seat:" + tool + ":" + user.toLowerCase(Locale.ROOT);
  }
}
