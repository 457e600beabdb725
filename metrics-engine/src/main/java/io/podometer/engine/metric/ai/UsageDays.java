package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.scope.ScopeId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Agent-usage days resolved once per computation: who used the agent (a member, else the raw
 * identity), the pod the day counts for (the member's pod that day; an unmapped user counts for the
 * organization only) and whether the agent was used. Also answers whether a person used an agent on
 * a day. Days are in a stable order (day, tool, user) so that sums do not depend on the order the
 * events arrived in.
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

  // a fact per (tool, user case-insensitively, day), so the order is total
  private static final Comparator<AgentUsage> STABLE =
      Comparator.comparing(AgentUsage::day)
          .thenComparing(AgentUsage::tool)
          .thenComparing(AgentUsage::user);

  private final List<Day> days;
  private final Map<String, Map<LocalDate, String>> toolByMemberDay = new HashMap<>();
  private final Map<String, Map<LocalDate, String>> toolByIdentityDay = new HashMap<>();

  UsageDays(EngineContext context, People people) {
    List<AgentUsage> sorted = new ArrayList<>(context.facts().usageDays());
    sorted.removeIf(u -> u.user() == null || u.day() == null || u.tool() == null);
    sorted.sort(STABLE);
    days = new ArrayList<>(sorted.size());
    for (AgentUsage usage : sorted) {
      String member = people.memberOf(usage.user());
      String pod = people.podOf(member, usage.day());
      String person = member != null ? member : usage.user();
      boolean used = used(usage);
      days.add(new Day(usage, member, person, pod, people.memberScopes(pod, member), used));
      if (used) {
        // the first tool in the stable order names the day
        Map<String, Map<LocalDate, String>> byPerson =
            member != null ? toolByMemberDay : toolByIdentityDay;
        byPerson
            .computeIfAbsent(member != null ? member : lower(usage.user()), k -> new HashMap<>())
            .putIfAbsent(usage.day(), usage.tool());
      }
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

  /**
   * Whether the agent was used: the day is marked active; without the mark, any reported activity
   * (sessions, suggestions, edits, lines, tokens, cost, time) counts.
   */
  static boolean used(AgentUsage u) {
    if (u.active() != null) {
      return u.active();
    }
    return positive(u.sessions())
        || positive(u.suggestions())
        || positive(u.acceptances())
        || positive(u.linesAccepted())
        || positive(u.linesAdded())
        || positive(u.editAccepts())
        || positive(u.editRejects())
        || positive(u.commits())
        || positive(u.pullRequests())
        || u.tokens() != null && u.tokens() > 0
        || u.costUsd() != null && u.costUsd() > 0
        || u.activeSeconds() != null && u.activeSeconds() > 0;
  }

  private static boolean positive(Integer value) {
    return value != null && value > 0;
  }

  private static String lower(String identity) {
    return identity.toLowerCase(Locale.ROOT);
  }
}
