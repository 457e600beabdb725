package io.podometer.engine.metric;

import io.podometer.engine.org.Pod;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import java.util.HashSet;
import java.util.Set;

/**
 * The facts that can move one scope's figures: a pod's slice ({@link PodSlice}), the union of a
 * pillar's pods' slices (every item a pillar counts is counted by one of its pods), the union of
 * the slices of the pods a member belonged to, the slice of the repositories a repository, service,
 * bet or STO counts changes of ({@link ChangeSlice}), and every fact for the organization.
 */
public final class ScopeSlice {

  private ScopeSlice() {}

  public static FactSet of(EngineContext lookups, FactSet facts, ScopeId scope) {
    if (scope.kind() == ScopeKind.POD) {
      return PodSlice.of(lookups, facts, scope.id());
    }
    if (scope.kind() == ScopeKind.PILLAR) {
      Set<String> pods = new HashSet<>();
      for (Pod pod : lookups.org().pods()) {
        if (pod.pillarId().filter(scope.id()::equals).isPresent()) {
          pods.add(pod.id());
        }
      }
      return PodSlice.of(lookups, facts, pods);
    }
    switch (scope.kind()) {
      case REPO -> {
        return ChangeSlice.ofRepo(lookups, facts, scope.id());
      }
      case SERVICE -> {
        return ChangeSlice.ofService(lookups, facts, scope.id());
      }
      case BET -> {
        return ChangeSlice.ofBet(lookups, facts, scope.id());
      }
      case STO -> {
        return ChangeSlice.ofSto(lookups, facts, scope.id());
      }
      default -> {
        // pods, pillars and members below; the organization reads every fact
      }
    }
    if (scope.kind() == ScopeKind.MEMBER) {
      // a member's facts are in the slices of the pods they belonged to
      java.util.Set<String> pods = new java.util.TreeSet<>();
      lookups
          .org()
          .member(scope.id())
          .ifPresent(m -> m.memberships().forEach(membership -> pods.add(membership.pod())));
      if (!pods.isEmpty()) {
        return PodSlice.of(lookups, facts, pods);
      }
    }
    return facts;
  }
}
