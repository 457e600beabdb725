package io.podometer.web.viewer;

import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Service;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.web.org.OrgSnapshot;
import io.podometer.web.security.Roles;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is looking, and which figures they may see (SPEC §8): a {@code leader} (or a read token)
 * every aggregate; a {@code champion} the organization, the pods they champion or run a pilot for,
 * and their own pod; a {@code member} the organization and their own pod. A repository, service,
 * bet or STO is visible with the pod that owns it. A member's own figures ({@code member:<id>}) are
 * visible to that member only, whatever else they hold.
 *
 * @param memberId the member of the organization model this person is (by the e-mail they signed in
 *     with, exactly: {@code IdentityDirectory.memberBySignInEmail}), if any
 * @param pods the pods visible beyond the organization (all of them for a leader)
 * @param members the organization model in force, with its lookups (built once per version)
 */
public record Viewer(
    String name,
    Set<String> roles,
    Optional<String> memberId,
    boolean everyAggregate,
    Set<String> pods,
    MemberDirectory members,
    Instant at) {

  /** The viewer of an identity with these roles and (perhaps) this e-mail, now. */
  public static Viewer of(
      String name, Set<String> roles, String email, OrgSnapshot snapshot, Instant at) {
    MemberDirectory members = snapshot.members();
    OrgModel org = members.model();
    Optional<String> member = snapshot.identities().memberBySignInEmail(email);
    boolean every = roles.contains(Roles.LEADER) || roles.contains(Roles.READER);
    Set<String> pods = new LinkedHashSet<>();
    if (every) {
      org.pods().forEach(p -> pods.add(p.id()));
    }
    if (member.isPresent()) {
      String id = member.get();
      if (roles.contains(Roles.MEMBER) || roles.contains(Roles.CHAMPION)) {
        members.podOf(id, at).ifPresent(pods::add);
      }
      if (roles.contains(Roles.CHAMPION)) {
        org.champions().stream()
            .filter(c -> c.member().equals(id))
            .forEach(c -> pods.addAll(c.pods()));
        org.pilots().stream().filter(p -> p.champion().equals(id)).forEach(p -> pods.add(p.pod()));
      }
    }
    return new Viewer(name, Set.copyOf(roles), member, every, Set.copyOf(pods), members, at);
  }

  /** Whether this viewer reads figures at all (an ingest or admin-only identity does not). */
  public boolean readsFigures() {
    return everyAggregate || roles.contains(Roles.CHAMPION) || roles.contains(Roles.MEMBER);
  }

  public boolean canSee(ScopeId scope) {
    if (scope.kind() == ScopeKind.MEMBER) {
      return memberId.filter(scope.id()::equals).isPresent();
    }
    if (!readsFigures()) {
      return false;
    }
    if (scope.kind() == ScopeKind.ORG || everyAggregate) {
      return true;
    }
    Set<String> owners = ownerPods(scope);
    return !owners.isEmpty() && pods.containsAll(owners);
  }

  /** Refuses (403) a scope this viewer may not see. */
  public void require(ScopeId scope) {
    if (!canSee(scope)) {
      throw new jakarta.ws.rs.ForbiddenException(
          scope.kind() == ScopeKind.MEMBER
              ? "scope: a member's own figures are visible to that member only"
              : "scope: " + scope + " is not among the figures your role may see");
    }
  }

  /** The pods a scope's figures are about: a pillar's pods, a repository's owners… */
  private Set<String> ownerPods(ScopeId scope) {
    OrgModel org = members.model();
    return switch (scope.kind()) {
      case POD -> Set.of(scope.id());
      case PILLAR ->
          org.podsOfPillar(scope.id()).stream().map(p -> p.id()).collect(Collectors.toSet());
      case SERVICE -> org.service(scope.id()).map(s -> Set.of(s.pod())).orElse(Set.of());
      case REPO ->
          org.services().stream()
              .filter(s -> s.repos().contains(scope.id()))
              .map(Service::pod)
              .collect(Collectors.toSet());
      case BET ->
          org.bet(scope.id())
              .flatMap(b -> b.sto())
              .flatMap(sto -> members.podOf(sto, at))
              .map(Set::of)
              .orElse(Set.of());
      case STO -> members.podOf(scope.id(), at).map(Set::of).orElse(Set.of());
      default -> Set.of();
    };
  }
}
