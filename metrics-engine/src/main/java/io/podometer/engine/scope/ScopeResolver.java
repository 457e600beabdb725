package io.podometer.engine.scope;

import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pod;
import io.podometer.engine.org.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scopes a fact counts in: the organization, the pod it counts for and that pod's pillar, the
 * repository and its service, the bets its work is linked to and their STOs, and the member behind
 * it (private). Lists are shared and immutable. Thread-safe.
 */
public final class ScopeResolver {

  private final OrgModel org;
  private final MemberDirectory members;
  private final Map<String, List<ScopeId>> podChains = new ConcurrentHashMap<>();
  private final BetLinker bets;
  private final Map<PullRequestRef, LinkedBets> linkedBets = new ConcurrentHashMap<>();
  // millions of items share a few thousand scope lists: one list (and one ScopeId each) per shape
  private final Map<ChangeShape, List<ScopeId>> changeScopes = new ConcurrentHashMap<>();
  private final Map<String, List<ScopeId>> serviceScopes = new ConcurrentHashMap<>();
  private final Map<MemberShape, List<ScopeId>> memberScopes = new ConcurrentHashMap<>();
  private final Map<ScopeId, ScopeId> canonical = new ConcurrentHashMap<>();

  public ScopeResolver(OrgModel org, MemberDirectory members) {
    this.org = org;
    this.members = members;
    this.bets = new BetLinker(org.bets());
  }

  /** {@code org}, then the pod's pillar and the pod; just {@code org} for no pod. */
  public List<ScopeId> podChain(String podId) {
    if (podId == null) {
      return List.of(ScopeId.ORG);
    }
    return podChains.computeIfAbsent(
        podId,
        id -> {
          List<ScopeId> chain = new ArrayList<>();
          chain.add(ScopeId.ORG);
          org.pod(id).flatMap(Pod::pillarId).ifPresent(p -> chain.add(ScopeId.pillar(p)));
          chain.add(ScopeId.pod(id));
          return canonical(chain);
        });
  }

  /** The service a repository belongs to (its own id when no service claims it). */
  public String serviceOf(String repo) {
    return members.serviceForRepo(repo);
  }

  /**
   * Scopes of a change (PR or commit): pod chain, repository, service, linked bets and their STOs,
   * and the author's member scope when the author is a member.
   */
  public List<ScopeId> forChange(String podId, String repo, List<String> betIds, String memberId) {
    return changeScopes.computeIfAbsent(
        new ChangeShape(podId, repo, betIds, memberId),
        shape -> changeScopes(podId, repo, betIds, memberId));
  }

  private List<ScopeId> changeScopes(
      String podId, String repo, List<String> betIds, String memberId) {
    List<ScopeId> scopes = new ArrayList<>(podChain(podId));
    if (repo != null) {
      scopes.add(ScopeId.repo(repo));
      scopes.add(ScopeId.service(serviceOf(repo)));
    }
    for (String betId : betIds) {
      scopes.add(ScopeId.bet(betId));
      org.bet(betId).flatMap(Bet::sto).ifPresent(sto -> scopes.add(ScopeId.sto(sto)));
    }
    if (memberId != null) {
      scopes.add(ScopeId.member(memberId));
    }
    return canonical(scopes);
  }

  private List<ScopeId> canonical(List<ScopeId> scopes) {
    List<ScopeId> shared = new ArrayList<>(scopes.size());
    for (ScopeId scope : scopes) {
      shared.add(canonical.computeIfAbsent(scope, s -> s));
    }
    return List.copyOf(shared);
  }

  /** Scopes of a fact about a service (deployment, incident): its pod chain, service and repos. */
  public List<ScopeId> forService(String serviceId) {
    return serviceScopes.computeIfAbsent(serviceId, this::serviceScopes);
  }

  private List<ScopeId> serviceScopes(String serviceId) {
    List<ScopeId> scopes = new ArrayList<>(podChain(members.podOfService(serviceId).orElse(null)));
    scopes.add(ScopeId.service(serviceId));
    org.service(serviceId)
        .ifPresentOrElse(
            s -> s.repos().forEach(r -> scopes.add(ScopeId.repo(r))),
            () -> {
              if (serviceId.contains("/")) {
                scopes.add(ScopeId.repo(serviceId));
              }
            });
    return canonical(scopes);
  }

  /** Scopes of a member's own activity (usage, meetings, pulse): pod chain and member. */
  public List<ScopeId> forMember(String podId, String memberId) {
    return memberScopes.computeIfAbsent(
        new MemberShape(podId, memberId),
        shape -> {
          List<ScopeId> scopes = new ArrayList<>(podChain(podId));
          if (memberId != null) {
            scopes.add(ScopeId.member(memberId));
          }
          return canonical(scopes);
        });
  }

  private record ChangeShape(String pod, String repo, List<String> bets, String member) {}

  private record MemberShape(String pod, String member) {}

  /**
   * A pull request's key among the bets decided: asked for every pull request by every family, so
   * no text is built for it and its hash is the repository's (cached) spread by the number.
   */
  private record PullRequestRef(String repo, int number) {
    @Override
    public int hashCode() {
      return (repo == null ? 0 : repo.hashCode()) * 0x9E3779B1 + number;
    }
  }

  /** The bets a pull request's work is linked to (label, branch prefix, title tag, repo, path). */
  public List<String> betsOf(PullRequestFact pr) {
    if (bets.isEmpty()) {
      return List.of();
    }
    // every family of every computation under this model asks for every pull request: decided
    // once per version of the pull request (a changed one is a new fact)
    PullRequestRef ref = new PullRequestRef(pr.repo(), pr.number());
    LinkedBets known = linkedBets.get(ref);
    if (known != null && known.pr() == pr) {
      return known.bets();
    }
    List<String> linked = bets.betsOf(pr);
    linkedBets.put(ref, new LinkedBets(pr, linked));
    return linked;
  }

  /** The bets decided for one version of a pull request. */
  private record LinkedBets(PullRequestFact pr, List<String> bets) {}

  public List<Service> services() {
    return org.services();
  }
}
