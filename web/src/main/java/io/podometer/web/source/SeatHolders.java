package io.podometer.web.source;

import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventData.AgentSeat;
import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.event.FactKind;
import io.podometer.web.figures.FigureService;
import io.podometer.web.org.OrgService;
import io.podometer.web.org.OrgSnapshot;
import io.podometer.web.store.FactQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seats known and who holds them: what a new listing is compared with (from the store, so a
 * listing put right after another sees it), and the admin's list of holders with their last use —
 * the only place seat holders are named.
 */
@ApplicationScoped
public class SeatHolders {

  /** The days a seat must go unused to be idle, as {@code idle_seats} counts them. */
  static final int IDLE_DAYS = 30;

  @Inject FactQueries facts;
  @Inject FigureService figures;
  @Inject OrgService orgs;
  @Inject Clock clock;

  /**
   * One seat: its holder's identity and member (null when unmapped), when it was assigned, the last
   * day it was used, whether it is held today and idle, and its monthly price when configured.
   */
  public record Holder(
      String tool,
      String account,
      String user,
      String member,
      String assignedAt,
      String lastUsed,
      String lastActivityEditor,
      String endsOn,
      String removedAt,
      boolean held,
      boolean idle,
      Double monthlyPriceUsd) {}

  /** The stored seats of a tool. */
  public List<AgentSeat> known(String tool) {
    List<AgentSeat> seats = new ArrayList<>();
    facts.forEachOfKind(
        FactKind.AGENT_SEAT,
        stored -> {
          try {
            AgentSeat seat = EventCodec.mapper().readValue(stored.fields(), AgentSeat.class);
            if (tool.equals(seat.tool())) {
              seats.add(seat);
            }
          } catch (IOException e) {
            throw new UncheckedIOException("seat " + stored.key() + " does not read", e);
          }
        });
    return seats;
  }

  /**
   * The first day of {@code tool}'s telemetry on record (a report, used or not, or an export's
   * reading; not a seat list's bare mark of activity), or null.
   */
  public LocalDate telemetryFrom(String tool) {
    LocalDate first = null;
    for (AgentUsage usage : figures.figures().facts().usageDays()) {
      if (tool.equals(usage.tool())
          && usage.day() != null
          && io.podometer.engine.metric.AgentUse.reported(usage)
          && (first == null || usage.day().isBefore(first))) {
        first = usage.day();
      }
    }
    return first;
  }

  /** Every seat known, held and idle ones first, then by tool and holder. */
  public List<Holder> list() {
    OrgSnapshot org = orgs.current();
    ZoneId zone = org.model().org().timeZone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    var current = figures.figures().facts();
    Map<String, LocalDate> lastUse = new HashMap<>();
    for (AgentUsage usage : current.usageDays()) {
      if (usage.user() != null
          && usage.tool() != null
          && usage.day() != null
          && io.podometer.engine.metric.AgentUse.used(usage)) {
        lastUse.merge(
            usage.tool() + "\u0000" + person(org, usage.user()),
            usage.day(),
            (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<Holder> holders = new ArrayList<>();
    for (AgentSeat seat : current.seats()) {
      String member = org.identities().memberOf(seat.user()).orElse(null);
      LocalDate used = lastUse.get(seat.tool() + "\u0000" + person(org, seat.user()));
      if (seat.lastActivityAt() != null) {
        LocalDate activity = seat.lastActivityAt().atZone(zone).toLocalDate();
        used = used == null || activity.isAfter(used) ? activity : used;
      }
      LocalDate assigned = seat.assignedAt().atZone(zone).toLocalDate();
      LocalDate end = seat.endDay(zone);
      boolean held = !assigned.isAfter(today) && (end == null || end.isAfter(today));
      LocalDate windowStart = today.minusDays(IDLE_DAYS - 1L);
      boolean idle =
          held && !assigned.isAfter(windowStart) && (used == null || used.isBefore(windowStart));
      holders.add(
          new Holder(
              seat.tool(),
              seat.account(),
              seat.user(),
              member,
              seat.assignedAt().toString(),
              used == null ? null : used.toString(),
              seat.lastActivityEditor(),
              seat.endsOn() == null ? null : seat.endsOn().toString(),
              seat.removedAt() == null ? null : seat.removedAt().toString(),
              held,
              idle,
              org.model().org().seatPrice(seat.tool()).orElse(null)));
    }
    holders.sort(
        Comparator.comparing((Holder h) -> !h.idle())
            .thenComparing(h -> !h.held())
            .thenComparing(Holder::tool)
            .thenComparing(h -> h.user().toLowerCase(Locale.ROOT)));
    return holders;
  }

  private static String person(OrgSnapshot org, String identity) {
    return org.identities().memberOf(identity).orElse(identity.toLowerCase(Locale.ROOT));
  }
}
