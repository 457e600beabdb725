package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.scope.ScopeId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Agent-usage days resolved once per computation: who used the agent (a member, else the raw
 * identity), the pod the day counts for (the member's pod that day; an unmapped user counts for the
 * organization only) and whether the agent was used. Also answers whether a person used an agent on
 * a day. Days are in a stable order ({@link UsageOrder}) so that sums do not depend on the order
 * the events arrived in.
 */
final class UsageDays {

  /**
   * One usage day.
   *
   * @param member the member behind the user identity, null when unmapped
   * @param person the member, else the identity as reported
   * @param used whether the agent was used that day (see {@link UsageDays#used})
   */
  record Day(
      AgentUsage usage,
      String member,
      String person,
      String pod,
      List<ScopeId> scopes,
      boolean used) {}

  private final List<Day> days;
  private final Map<String, Map<LocalDate, String>> toolByMemberDay = new HashMap<>();
  private final Map<String, Map<LocalDate, String>> toolByIdentityDay = new HashMap<>();

  UsageDays(EngineContext context, People people) {
    List<AgentUsage> known = new ArrayList<>(context.facts().usageDays().size());
    for (AgentUsage usage : context.facts().usageDays()) {
      if (usage.user() != null && usage.day() != null && usage.tool() != null) {
        known.add(usage);
      }
    }
    List<AgentUsage> sorted = UsageOrder.sorted(known);
    days = new ArrayList<>(sorted.size());
    Map<String, User> users = new HashMap<>();
    for (AgentUsage usage : sorted) {
      add(usage, users, people);
    }
  }

  private void add(AgentUsage usage, Map<String, User> users, People people) {
    User user = users.get(usage.user());
    if (user == null) {
      user = new User(people.memberOf(usage.user()), usage.user());
      users.put(usage.user(), user);
    }
    String pod = people.podOf(user.member, usage.day());
    boolean used = used(usage);
    days.add(new Day(usage, user.member, user.person, pod, user.scopes(people, pod), used));
    if (used) {
      // the first tool in the stable order names the day
      user.toolByDay().putIfAbsent(usage.day(), usage.tool());
    }
  }

  /** A usage identity resolved once: the member it names and the person it stands for. */
  private final class User {
    final String member;
    final String person;
    private Map<LocalDate, String> toolByDay;
    private String pod;
    private List<ScopeId> scopes;

    User(String member, String identity) {
      this.member = member;
      this.person = member != null ? member : identity;
    }

    /** The member's scopes in a pod; a member's days mostly count for one pod. */
    List<ScopeId> scopes(People people, String inPod) {
      if (scopes == null || !Objects.equals(pod, inPod)) {
        scopes = people.memberScopes(inPod, member);
        pod = inPod;
      }
      return scopes;
    }

    /** The days this person used an agent, shared by the identities of one member. */
    Map<LocalDate, String> toolByDay() {
      if (toolByDay == null) {
        toolByDay =
            member != null
                ? toolByMemberDay.computeIfAbsent(member, k -> new HashMap<>())
                : toolByIdentityDay.computeIfAbsent(lower(person), k -> new HashMap<>());
      }
      return toolByDay;
    }
  }

  List<Day> days() {
    return days;
  }

  /**
   * The days a person used an agent, each with the tool named first: {@code member} when mapped,
   * else {@code identity} as reported. Empty when none.
   */
  Map<LocalDate, String> daysUsed(String member, String identity) {
    Map<LocalDate, String> used =
        member != null
            ? toolByMemberDay.get(member)
            : identity == null ? null : toolByIdentityDay.get(lower(identity));
    return used == null ? Map.of() : used;
  }

  static boolean used(AgentUsage u) {
    return io.podometer.engine.metric.AgentUse.used(u);
  }

  private static String lower(String identity) {
    return identity.toLowerCase(Locale.ROOT);
  }
}
