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
import java.util.List;
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
 *   <li>{@code days_to_first_ai_use}: one item per onboarding — a member joining (their first
 *       membership), a seat assigned — with the days from it to the first use after it (of any
 *       agent after joining; of the seat's tool after a seat), counted in the week of that use; a
 *       first use more than {@link #FIRST_USE_HORIZON_DAYS} days later does not count (never
 *       onboarded, or the telemetry started later). Items are independent of each other, so a new
 *       seat moves only its own item.
 * </ul>
 *
 * A seat counts only over the days its use is known ({@code usageKnownFrom}, by default its
 * assignment): in utilization from the week that day falls in, among idle seats once the whole 30
 * days are known. Each seat is read alone (no other person's facts), so a pod's or a member's
 * figures computed from their own facts equal the organization's; seats are read in a stable order,
 * so sums do not depend on the order facts arrived in.
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
      LocalDate end = seat.endDay(context.zone());
      long until = end == null ? Long.MAX_VALUE : end.toEpochDay();
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

  /** One item per member joining and per seat assigned, in the week of the first use after it. */
  private static void firstUses(
      EngineContext context,
      People people,
      WeekSlots slots,
      AgentUseDays use,
      List<HeldSeat> seats,
      Consumer<Contribution> out) {
    List<Member> members = new ArrayList<>(context.org().members());
    members.sort(Comparator.comparing(Member::id));
    for (Member member : members) {
      member.memberships().stream()
          .map(m -> m.from().toEpochDay())
          .min(Long::compare)
          .ifPresent(
              joined ->
                  firstUse(
                      people,
                      slots,
                      member.id(),
                      member.id(),
                      joined,
                      use.firstUseOnOrAfter(member.id(), joined),
                      "onboarding:" + member.id() + ":joined",
                      "joined on ",
                      out));
    }
    for (HeldSeat seat : seats) {
      firstUse(
          people,
          slots,
          seat.member(),
          seat.person(),
          seat.from(),
          use.firstUseOnOrAfter(seat, seat.from()),
          "onboarding:" + seat.person() + ":seat:" + seat.tool(),
          seat.tool() + " seat from ",
          out);
    }
  }

  private static void firstUse(
      People people,
      WeekSlots slots,
      String member,
      String person,
      long start,
      long firstUse,
      String ref,
      String what,
      Consumer<Contribution> out) {
    if (firstUse < 0 || firstUse - start > FIRST_USE_HORIZON_DAYS) {
      return;
    }
    int slot = slots.slotOfEpochDay(firstUse);
    if (slot < 0 || !slots.computed(slot)) {
      return;
    }
    out.accept(
        Contribution.sample(
            MetricId.DAYS_TO_FIRST_AI_USE,
            slots.week(slot),
            people.memberScopes(people.podOf(member, firstUse), member),
            firstUse - start,
            person,
            new Evidence(
                ref,
                what
                    + LocalDate.ofEpochDay(start)
                    + "; first use on "
                    + LocalDate.ofEpochDay(firstUse))));
  }

  /** The seat holder's scopes on a day: their pod then, the organization for an unknown holder. */
  private static List<ScopeId> scopes(People people, HeldSeat seat, long day) {
    return people.memberScopes(people.podOf(seat.member(), day), seat.member());
  }

  static String ref(AgentSeat seat) {
    return "seat:" + seat.tool() + ":" + seat.user();
  }
}
