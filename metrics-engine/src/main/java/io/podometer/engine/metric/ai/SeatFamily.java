package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.AgentSeat;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.MetricFamily;
import io.podometer.engine.org.Member;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Agent seats against their use (SPEC §5.1, seats):
 *
 * <ul>
 *   <li>{@code seat_utilization}: of the seats held during the week, the share used that week (a
 *       usage day of the seat's tool by its holder, or the seat's own last activity);
 *   <li>{@code idle_seats}: seats held at the end of the week, held for the whole 30 days ending
 *       that day and not used in them; {@code idle_seat_cost_usd}: their monthly price, for tools
 *       with a {@code seatPrices} entry;
 *   <li>{@code days_to_first_ai_use}: for a person who gained a seat (the first one) or joined (the
 *       first membership), days from that day to the first day they used any agent, counted in the
 *       week of that first use; a first use more than {@link #FIRST_USE_HORIZON_DAYS} days after it
 *       does not count (the person was never onboarded, or the telemetry started later).
 * </ul>
 *
 * A tool's seats are evaluated in a week only when some usage of that tool was reported in the
 * organization in the 30 days ending the week: without telemetry a seat's use is unknown, not idle.
 * Seats are read in a stable order, so sums do not depend on the order facts arrived in.
 */
public final class SeatFamily implements MetricFamily {

  /** The window a seat must go unused to be idle. */
  static final int IDLE_DAYS = 30;

  /**
   * How long after a seat or joining a first use still counts: 8 weeks, within the weeks a usage
   * day's change can move (its own and the 9 after it).
   */
  static final int FIRST_USE_HORIZON_DAYS = 56;

  private static final Set<FactKind> READS =
      Collections.unmodifiableSet(EnumSet.of(FactKind.AGENT_SEAT, FactKind.AGENT_USAGE_DAY));

  private static final Set<MetricId> METRICS =
      Collections.unmodifiableSet(
          EnumSet.of(
              MetricId.SEAT_UTILIZATION,
              MetricId.IDLE_SEATS,
              MetricId.IDLE_SEAT_COST_USD,
              MetricId.DAYS_TO_FIRST_AI_USE));

  @Override
  public Set<MetricId> metrics() {
    return METRICS;
  }

  @Override
  public Set<FactKind> reads() {
    return READS;
  }

  @Override
  public void contribute(EngineContext context, Consumer<Contribution> out) {
    WeekSlots slots = WeekSlots.of(context, 0);
    if (slots.size() == 0) {
      return;
    }
    People people = new People(context, slots);
    AgentUseDays use = new AgentUseDays(context, people);
    List<HeldSeat> seats = seats(context, people);
    for (int slot = slots.firstComputed(); slot < slots.size(); slot++) {
      IsoWeek week = slots.week(slot);
      long monday = week.monday().toEpochDay();
      long sunday = monday + 6;
      for (HeldSeat seat : seats) {
        utilization(context, people, use, seat, week, monday, sunday, out);
        idle(context, people, use, seat, week, sunday, out);
      }
    }
    firstUses(context, people, slots, use, seats, out);
  }

  /**
   * A seat with the person holding it resolved (the member, else the identity in lower case), the
   * epoch days it was held ({@code from} inclusive, {@code until} exclusive) and the first day its
   * use is known.
   */
  record HeldSeat(
      AgentSeat seat, String member, String person, long from, long until, long knownFrom) {

    String tool() {
      return seat.tool();
    }

    /** Whether the seat was held on some day of {@code first}..{@code last}. */
    boolean heldDuring(long first, long last) {
      return from <= last && until > first;
    }

    /** Whether the seat was held on every day of {@code first}..{@code last}. */
    boolean heldThroughout(long first, long last) {
      return from <= first && until > last;
    }
  }

  private static List<HeldSeat> seats(EngineContext context, People people) {
    List<AgentSeat> sorted = new ArrayList<>();
    for (AgentSeat seat : context.facts().seats()) {
      if (seat.tool() != null && seat.user() != null && seat.assignedAt() != null) {
        sorted.add(seat);
      }
    }
    sorted.sort(
        Comparator.comparing(AgentSeat::tool)
            .thenComparing(s -> s.user().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(AgentSeat::user));
    WeekSlots days = WeekSlots.of(context, 0);
    List<HeldSeat> held = new ArrayList<>(sorted.size());
    for (AgentSeat seat : sorted) {
      String member = people.memberOf(seat.user());
      long from = days.epochDay(seat.assignedAt());
      long until = Long.MAX_VALUE;
      if (seat.removedAt() != null) {
        until = days.epochDay(seat.removedAt());
      }
      if (seat.endsOn() != null) {
        until = Math.min(until, seat.endsOn().toEpochDay() + 1);
      }
      long knownFrom =
          seat.usageKnownFrom() == null ? from : Math.max(from, seat.usageKnownFrom().toEpochDay());
      held.add(
          new HeldSeat(
              seat, member, AgentUseDays.person(people, seat.user()), from, until, knownFrom));
    }
    return held;
  }

  private static void utilization(
      EngineContext context,
      People people,
      AgentUseDays use,
      HeldSeat seat,
      IsoWeek week,
      long monday,
      long sunday,
      Consumer<Contribution> out) {
    if (!seat.heldDuring(monday, sunday) || seat.knownFrom() > sunday) {
      return;
    }
    long lastHeld = Math.min(sunday, seat.until() - 1);
    int used = use.daysUsed(seat, monday, sunday);
    out.accept(
        Contribution.ratio(
            MetricId.SEAT_UTILIZATION,
            week,
            scopes(people, seat, lastHeld),
            used > 0 ? 1 : 0,
            1,
            seat.person(),
            new Evidence(
                ref(seat.seat()),
                seat.tool()
                    + " seat held in the week; "
                    + (used > 0 ? "used on " + used + " day(s)" : "not used"))));
  }

  private static void idle(
      EngineContext context,
      People people,
      AgentUseDays use,
      HeldSeat seat,
      IsoWeek week,
      long sunday,
      Consumer<Contribution> out) {
    long first = sunday - IDLE_DAYS + 1;
    if (!seat.heldThroughout(first, sunday)
        || seat.knownFrom() > first
        || use.daysUsed(seat, first, sunday) > 0) {
      return;
    }
    List<ScopeId> scopes = scopes(people, seat, sunday);
    String since = LocalDate.ofEpochDay(seat.from()).toString();
    Evidence evidence =
        new Evidence(
            ref(seat.seat()),
            seat.tool()
                + " seat held since "
                + since
                + ", not used in the "
                + IDLE_DAYS
                + " days to "
                + LocalDate.ofEpochDay(sunday));
    out.accept(Contribution.count(MetricId.IDLE_SEATS, week, scopes, 1, seat.person(), evidence));
    Optional<Double> price = context.org().org().seatPrice(seat.tool());
    if (price.isPresent()) {
      out.accept(
          Contribution.count(
              MetricId.IDLE_SEAT_COST_USD, week, scopes, price.get(), seat.person(), evidence));
    }
  }

  /**
   * One item per person who gained a seat or joined and first used an agent within the horizon, in
   * the week of that first use.
   */
  private static void firstUses(
      EngineContext context,
      People people,
      WeekSlots slots,
      AgentUseDays use,
      List<HeldSeat> seats,
      Consumer<Contribution> out) {
    Map<String, HeldSeat> firstSeat = new HashMap<>();
    for (HeldSeat seat : seats) {
      firstSeat.merge(seat.person(), seat, (a, b) -> b.from() < a.from() ? b : a);
    }
    Map<String, Long> joined = new HashMap<>();
    for (Member member : context.org().members()) {
      member.memberships().stream()
          .map(m -> m.from().toEpochDay())
          .min(Long::compare)
          .ifPresent(day -> joined.put(member.id(), day));
    }
    List<String> persons = new ArrayList<>(joined.keySet());
    for (String person : firstSeat.keySet()) {
      if (!joined.containsKey(person)) {
        persons.add(person);
      }
    }
    Collections.sort(persons);
    for (String person : persons) {
      HeldSeat seat = firstSeat.get(person);
      Long joinedOn = joined.get(person);
      long start =
          seat == null
              ? joinedOn
              : joinedOn == null ? seat.from() : Math.max(joinedOn, seat.from());
      long firstUse = use.firstUseOnOrAfter(person, start);
      if (firstUse < 0 || firstUse - start > FIRST_USE_HORIZON_DAYS) {
        continue;
      }
      int slot = slots.slotOfEpochDay(firstUse);
      if (slot < 0 || !slots.computed(slot)) {
        continue;
      }
      String member = seat != null ? seat.member() : person;
      String pod = people.podOf(member, firstUse);
      String why =
          (seat != null && seat.from() == start
                  ? seat.tool() + " seat from " + LocalDate.ofEpochDay(start)
                  : "joined on " + LocalDate.ofEpochDay(start))
              + "; first agent use on "
              + LocalDate.ofEpochDay(firstUse);
      out.accept(
          Contribution.sample(
              MetricId.DAYS_TO_FIRST_AI_USE,
              slots.week(slot),
              people.memberScopes(pod, member),
              firstUse - start,
              person,
              new Evidence("onboarding:" + person, why)));
    }
  }

  /** The seat holder's scopes on a day: their pod then, the organization for an unknown holder. */
  private static List<ScopeId> scopes(People people, HeldSeat seat, long day) {
    return people.memberScopes(people.podOf(seat.member(), day), seat.member());
  }

  static String ref(AgentSeat seat) {
    return "seat:" + seat.tool() + ":" + seat.user();
  }
}
