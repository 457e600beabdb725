package io.podometer.engine.metric;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigurePool;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Membership;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SPEC §8: a people-derived figure is withheld (value, num and den) when the group behind it has
 * fewer people than the floor. The group is a pod's, pillar's or the organization's members that
 * week (its juniors, for the figures about juniors); for a repository, service, bet or STO, the
 * distinct people who contributed that week.
 */
final class PrivacyFloor {

  private final EngineContext context;
  private final int floor;
  private final String reason;
  private final FigurePool pool;
  private final Map<IsoWeek, Map<ScopeId, Integer>> memberships = new ConcurrentHashMap<>();
  private final Map<IsoWeek, Map<ScopeId, Integer>> juniorMemberships = new ConcurrentHashMap<>();

  /** Figures about a pod's juniors: their group is the juniors, not the whole pod. */
  private static final Set<MetricId> OF_JUNIORS =
      java.util.EnumSet.of(
          MetricId.JUNIOR_REVIEWS_GIVEN,
          MetricId.JUNIOR_HUMAN_SHARE,
          MetricId.JUNIOR_AGENT_ONLY_APPROVALS);

  /**
   * @param pool where the distinct contributors of repositories, services, bets and STOs are
   */
  PrivacyFloor(EngineContext context, FigurePool pool) {
    this.context = context;
    this.floor = context.org().org().privacyFloor();
    this.reason = "withheld: fewer than " + floor + " people";
    this.pool = pool;
  }

  /**
   * The figure with the size of its group, withheld when a people-derived one is under the floor.
   */
  Figure apply(Figure figure) {
    ScopeKind kind = figure.scope().kind();
    int group =
        switch (kind) {
          case ORG, PILLAR, POD ->
              OF_JUNIORS.contains(figure.metric())
                  ? juniorMemberships
                      .computeIfAbsent(figure.week(), week -> groupSizes(week, true))
                      .getOrDefault(figure.scope(), 0)
                  : memberships
                      .computeIfAbsent(figure.week(), week -> groupSizes(week, false))
                      .getOrDefault(figure.scope(), 0);
          case MEMBER -> 1;
          default -> pool.contributors(figure.week(), figure.scope());
        };
    boolean withhold = figure.metric().peopleDerived() && kind != ScopeKind.MEMBER && group < floor;
    return withhold ? figure.withheld(group, reason) : figure.withPeople(group);
  }

  int floor() {
    return floor;
  }

  /** Members in no pod at all: the organization counts them, no pillar or pod does. */
  int membersWithoutPod() {
    int count = 0;
    for (Member member : context.org().members()) {
      if (member.memberships().isEmpty()) {
        count++;
      }
    }
    return count;
  }

  String reason() {
    return reason;
  }

  /** Members of a pod, pillar or the organization at some point of the weeks (ids). */
  java.util.Set<String> membersOf(ScopeId scope, IsoWeek from, IsoWeek to) {
    LocalDate start = from.monday();
    LocalDate end = to.monday().plusWeeks(1);
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (Member member : context.org().members()) {
      boolean in = scope.kind() == ScopeKind.ORG && member.memberships().isEmpty();
      for (Membership membership : member.memberships()) {
        if (membership.overlaps(start, end)
            && context.scopes().podChain(membership.pod()).contains(scope)) {
          in = true;
        }
      }
      if (in) {
        ids.add(member.id());
      }
    }
    return ids;
  }

  /**
   * Members belonging, at some point of the week, to each pod, pillar and the organization; only
   * the juniors (engineers at or under {@code juniorLevelAtMost}) when {@code juniors}.
   */
  private Map<ScopeId, Integer> groupSizes(IsoWeek week, boolean juniors) {
    LocalDate start = week.monday();
    LocalDate end = start.plusWeeks(1);
    Map<ScopeId, Integer> sizes = new HashMap<>();
    int org = 0;
    int juniorAtMost = context.org().org().juniorLevelNumber();
    for (Member member : context.org().members()) {
      if (juniors
          && (member.role() != io.podometer.engine.org.Role.ENGINEER
              || member.levelNumber().isEmpty()
              || member.levelNumber().getAsInt() > juniorAtMost)) {
        continue;
      }
      Set<ScopeId> groups = new HashSet<>();
      for (Membership membership : member.memberships()) {
        if (membership.overlaps(start, end)) {
          groups.addAll(context.scopes().podChain(membership.pod()));
        }
      }
      if (member.memberships().isEmpty() || !groups.isEmpty()) {
        org++;
      }
      groups.remove(ScopeId.ORG);
      groups.forEach(group -> sizes.merge(group, 1, Integer::sum));
    }
    sizes.put(ScopeId.ORG, org);
    return sizes;
  }
}
