package io.podometer.engine.metric;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Membership;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SPEC §8: a people-derived figure is withheld (value, num and den) when the group behind it has
 * fewer people than the floor. The group is a pod's, pillar's or the organization's members that
 * week; for a repository, service, bet or STO, the distinct people who contributed that week.
 */
final class PrivacyFloor {

  private final EngineContext context;
  private final int floor;

  PrivacyFloor(EngineContext context) {
    this.context = context;
    this.floor = context.org().org().privacyFloor();
  }

  void apply(Map<FigureKey, Figure> figures, Collection<List<Contribution>> contributions) {
    Map<ScopeWeek, Set<String>> contributors = contributors(contributions);
    Map<IsoWeek, Map<ScopeId, Integer>> memberships =
        new java.util.concurrent.ConcurrentHashMap<>();
    String reason = "withheld: fewer than " + floor + " people";
    figures.replaceAll(
        (key, figure) -> {
          ScopeWeek cell = new ScopeWeek(key.scope(), key.week());
          int group =
              switch (key.scope().kind()) {
                case ORG, PILLAR, POD ->
                    memberships
                        .computeIfAbsent(key.week(), this::groupSizes)
                        .getOrDefault(key.scope(), 0);
                case MEMBER -> 1;
                default -> contributors.getOrDefault(cell, Set.of()).size();
              };
          Figure counted = figure.withPeople(group);
          boolean withhold =
              key.metric().peopleDerived()
                  && key.scope().kind() != ScopeKind.MEMBER
                  && group < floor;
          return withhold ? counted.withheld(reason) : counted;
        });
  }

  private static Map<ScopeWeek, Set<String>> contributors(Collection<List<Contribution>> all) {
    Map<ScopeWeek, Set<String>> people = new HashMap<>();
    for (List<Contribution> list : all) {
      for (Contribution c : list) {
        if (c.person() == null) {
          continue;
        }
        for (ScopeId scope : c.scopes()) {
          if (!scope.kind().groupIsMembership() && scope.kind() != ScopeKind.MEMBER) {
            people
                .computeIfAbsent(new ScopeWeek(scope, c.week()), k -> new HashSet<>())
                .add(c.person());
          }
        }
      }
    }
    return people;
  }

  /** Members belonging, at some point of the week, to each pod, pillar and the organization. */
  private Map<ScopeId, Integer> groupSizes(IsoWeek week) {
    LocalDate start = week.monday();
    LocalDate end = start.plusWeeks(1);
    Map<ScopeId, Integer> sizes = new HashMap<>();
    int org = 0;
    for (Member member : context.org().members()) {
      Set<ScopeId> groups = new HashSet<>();
      for (Membership membership : member.memberships()) {
        if (overlaps(membership, start, end)) {
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

  private static boolean overlaps(Membership membership, LocalDate start, LocalDate end) {
    return membership.overlaps(start, end);
  }

  record ScopeWeek(ScopeId scope, IsoWeek week) {}
}
