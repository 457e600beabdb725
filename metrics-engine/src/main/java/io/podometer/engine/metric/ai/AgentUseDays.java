package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.AgentSeat;
import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.metric.EngineContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The days each person used an agent, per tool and in all: from usage days the agent was used
 * ({@link UsageDays#used}) and the last activity seat lists report. A person is their member id,
 * else their identity in lower case. Epoch days in the organization's time zone; built once per
 * computation.
 */
final class AgentUseDays {

  private static final long[] NONE = new long[0];

  private final Map<String, Map<String, long[]>> byPersonAndTool = new HashMap<>();
  private final Map<String, long[]> byPerson = new HashMap<>();

  AgentUseDays(EngineContext context, People people) {
    Map<String, Map<String, TreeSet<Long>>> personTool = new HashMap<>();
    for (AgentUsage usage : context.facts().usageDays()) {
      if (usage.user() != null
          && usage.day() != null
          && usage.tool() != null
          && UsageDays.used(usage)) {
        add(personTool, person(people, usage.user()), usage.tool(), usage.day().toEpochDay());
      }
    }
    // a seat's last activity is a day as the vendor counts days (UTC), as its seat-activity piece
    for (AgentSeat seat : context.facts().seats()) {
      if (seat.user() != null && seat.tool() != null && seat.lastActivityAt() != null) {
        add(
            personTool,
            person(people, seat.user()),
            seat.tool(),
            seat.lastActivityAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toEpochDay());
      }
    }
    personTool.forEach(
        (person, tools) -> {
          TreeSet<Long> all = new TreeSet<>();
          Map<String, long[]> perTool = new HashMap<>();
          tools.forEach(
              (name, days) -> {
                perTool.put(name, array(days));
                all.addAll(days);
              });
          byPersonAndTool.put(person, perTool);
          byPerson.put(person, array(all));
        });
  }

  /** The person an identity stands for: its member, else itself in lower case. */
  static String person(People people, String identity) {
    String member = people.memberOf(identity);
    return member != null ? member : identity.toLowerCase(Locale.ROOT);
  }

  private static void add(
      Map<String, Map<String, TreeSet<Long>>> personTool,
      String person,
      String toolName,
      long day) {
    personTool
        .computeIfAbsent(person, k -> new HashMap<>())
        .computeIfAbsent(toolName, k -> new TreeSet<>())
        .add(day);
  }

  private static long[] array(TreeSet<Long> days) {
    return days.stream().mapToLong(Long::longValue).toArray();
  }

  /** The days {@code first}..{@code last} on which the seat's holder used the seat's tool. */
  int daysUsed(SeatFamily.HeldSeat seat, long first, long last) {
    Map<String, long[]> tools = byPersonAndTool.get(seat.person());
    return count(tools == null ? NONE : tools.getOrDefault(seat.tool(), NONE), first, last);
  }

  /** The first day on or after {@code day} the seat's holder used its tool, or -1. */
  long firstUseOnOrAfter(SeatFamily.HeldSeat seat, long day) {
    Map<String, long[]> tools = byPersonAndTool.get(seat.person());
    return first(tools == null ? NONE : tools.getOrDefault(seat.tool(), NONE), day);
  }

  /** The first day on or after {@code day} the person used any agent, or -1. */
  long firstUseOnOrAfter(String person, long day) {
    return first(byPerson.getOrDefault(person, NONE), day);
  }

  private static long first(long[] days, long day) {
    int at = Arrays.binarySearch(days, day);
    if (at < 0) {
      at = -at - 1;
    }
    return at < days.length ? days[at] : -1;
  }

  private static int count(long[] days, long first, long last) {
    int from = Arrays.binarySearch(days, first);
    from = from < 0 ? -from - 1 : from;
    int to = Arrays.binarySearch(days, last);
    to = to < 0 ? -to - 1 : to + 1;
    return Math.max(0, to - from);
  }
}
