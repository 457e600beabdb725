package io.podometer.connectors.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventLimits;
import io.podometer.engine.identity.IdentityDirectory;
import io.podometer.engine.org.OrgModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A meetings row as one {@code meeting.summary} of id {@code meeting:<member>:<week>}: a member's
 * meeting hours in an ISO week, given as {@code week} ({@code 2026-W10}) or {@code week_start} (its
 * Monday). The event occurs at {@code reported_at} when given — so that a corrected figure,
 * reported later, wins over the first — else at the week's start in the organization's time zone,
 * the same on every import of the file.
 */
final class MeetingRows implements CsvEvents.RowMapper {

  private static final Map<String, String> COLUMN_OF_FIELD =
      Map.of(
          "id", "member",
          "data.member", "member",
          "data.hours", "hours",
          "occurredAt", "reported_at");

  private final RowEvents events;
  private final CsvMoments moments;
  private final OrgModel org;
  private final IdentityDirectory directory;
  private final CsvEvents.Unknown unknownMembers = new CsvEvents.Unknown();

  MeetingRows(CanonicalEventBuilder builder, CsvMoments moments, OrgModel org) {
    this.moments = moments;
    this.org = org;
    this.directory = new IdentityDirectory(org);
    this.events = new RowEvents(builder, COLUMN_OF_FIELD);
  }

  @Override
  public List<CanonicalEvent> events(CsvRow row) {
    String member = row.required("member");
    String week = week(row);
    Double hours = hours(row);
    Instant reported = moments.instant(row, "reported_at");
    if (member == null || week == null || hours == null) {
      return List.of();
    }
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("member", member);
    d.put("week", week);
    d.put("hours", hours);
    if (directory.memberOf(member).isEmpty()) {
      unknownMembers.seen(member, row.line());
    }
    CanonicalEvent event =
        events.build(
            row,
            "meeting:" + member + ":" + week,
            "meeting.summary",
            reported != null ? reported : moments.startOf(week),
            null,
            d);
    return event == null ? List.of() : List.of(event);
  }

  private String week(CsvRow row) {
    boolean byWeek = row.text("week") != null;
    boolean byStart = row.text("week_start") != null;
    if (byWeek && byStart) {
      row.problem("week_start", "give week or week_start, not both");
      return null;
    }
    if (!byWeek && !byStart) {
      row.problem("week", "missing (give week, e.g. 2026-W10, or week_start, its Monday)");
      return null;
    }
    return byWeek ? moments.week(row, "week") : moments.weekStartingOn(row, "week_start");
  }

  private static Double hours(CsvRow row) {
    if (row.required("hours") == null) {
      return null;
    }
    Double hours = row.number("hours");
    if (hours != null && (hours < 0 || hours > EventLimits.HOURS_PER_WEEK)) {
      row.problem(
          "hours",
          "must be between 0 and "
              + (int) EventLimits.HOURS_PER_WEEK
              + " (the hours of a week), got "
              + row.text("hours"));
      return null;
    }
    return hours;
  }

  @Override
  public List<String> warnings() {
    return unknownMembers.firstLines().entrySet().stream()
        .map(
            e ->
                "member '"
                    + e.getKey()
                    + "' (first on line "
                    + e.getValue()
                    + ") is no login, e-mail or telemetry id of a member: "
                    + (org.member(e.getKey()).isPresent()
                        ? "it is a member's id; write one of their e-mails or logins instead"
                        : "its hours are kept, and it is listed under unmapped identities"))
        .toList();
  }
}
