package io.podometer.engine.metric;

import io.podometer.engine.org.Pod;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
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
      List<FactSet> slices = new ArrayList<>();
      for (Pod pod : lookups.org().pods()) {
        if (pod.pillarId().filter(scope.id()::equals).isPresent()) {
          slices.add(PodSlice.of(lookups, facts, pod.id()));
        }
      }
      return union(slices, facts);
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
        List<FactSet> slices = new ArrayList<>();
        pods.forEach(pod -> slices.add(PodSlice.of(lookups, facts, pod)));
        return union(slices, facts);
      }
    }
    return facts;
  }

  private static FactSet union(List<FactSet> slices, FactSet all) {
    return new FactSet(
        union(slices, FactSet::pullRequests),
        union(slices, FactSet::commits),
        union(slices, FactSet::attributions),
        union(slices, FactSet::reviews),
        union(slices, FactSet::ciRuns),
        union(slices, FactSet::deployments),
        union(slices, FactSet::incidents),
        union(slices, FactSet::usageDays),
        union(slices, FactSet::seats),
        union(slices, FactSet::meetingWeeks),
        all.betSignals(),
        all.betLearnings(),
        union(slices, FactSet::pulseAnswers));
  }

  private static <T> List<T> union(
      List<FactSet> slices, java.util.function.Function<FactSet, List<T>> kind) {
    Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<T> facts = new ArrayList<>();
    for (FactSet slice : slices) {
      for (T fact : kind.apply(slice)) {
        if (seen.add(fact)) {
          facts.add(fact);
        }
      }
    }
    return facts;
  }
}
